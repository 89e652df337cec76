import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { INCIDENT_KINDS } from '@poc/domain';
import { incidentsProjection, type Condition, type IncidentView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { point, sendCollection, type FeatureCollection, type Keyed } from './feature-collection';
import { boundsOf, GeoQuery, placeFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { Roles } from '@poc/platform/auth';

export class IncidentsGeoQuery extends GeoQuery {
  @ApiPropertyOptional({ enum: INCIDENT_KINDS }) @IsOptional() @IsIn(INCIDENT_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) civilianTargeting?: 'true' | 'false';
}

/** Everything but bbox/near's exact test goes to the store: incidents have lat/lon columns. */
const filters = (query: IncidentsGeoQuery): Condition[] => {
  // Retracted incidents are left out, as in GET /incidents.
  const where: Condition[] = [{ column: 'status', op: '=', value: 'active' }];
  if (query.from) where.push({ column: 'occurred_at', op: '>=', value: lowerBound(query.from) });
  if (query.to) where.push({ column: 'occurred_at', op: '<=', value: upperBound(query.to) });
  if (query.cercle) where.push({ column: 'cercle', op: '=', value: query.cercle });
  if (query.region) where.push({ column: 'region', op: '=', value: query.region });
  if (query.kind) where.push({ column: 'kind', op: '=', value: query.kind });
  if (query.civilianTargeting) where.push({ column: 'targets_civilians', op: '=', value: query.civilianTargeting === 'true' ? 1 : 0 });
  const box = boundsOf(query);
  if (box) {
    where.push({ column: 'lat', op: '>=', value: box.minLat }, { column: 'lat', op: '<=', value: box.maxLat });
    where.push({ column: 'lon', op: '>=', value: box.minLon }, { column: 'lon', op: '<=', value: box.maxLon });
  }
  return where;
};

const featureOf = (i: IncidentView): Keyed => ({
  key: [i.occurredAt, i.incidentId, 0],
  feature: {
    type: 'Feature',
    id: i.incidentId,
    geometry: point(i.location),
    properties: {
      id: i.incidentId,
      kind: i.kind,
      occurredAt: i.occurredAt,
      civilianTargeting: i.targetsCivilians,
      fatalities: i.fatalities ?? null,
      injured: i.injured ?? null,
      place: i.location.place ?? null,
      cercle: i.location.cercle ?? null,
      region: i.location.region ?? null,
      precision: i.location.precision,
      timePrecision: i.timePrecision ?? null,
      source: i.source ?? null,
      reportingUnit: i.reportingUnit ?? null,
    },
  },
});

const num = nullable({ type: 'integer' });

@ApiTags('map')
@ApiBearerAuth()
@Controller()
@Roles('ops', 'analyst')
export class IncidentsGeoJsonController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('incidents.geojson')
  @ApiFeatureCollection(
    'a Point per incident (retracted ones left out), in order of occurredAt',
    ['Point'],
    {
      id: text(), kind: text({ enum: [...INCIDENT_KINDS] }), occurredAt: text({ format: 'date-time' }), civilianTargeting: { type: 'boolean' },
      fatalities: num, injured: num, place: nullable(text()), cercle: nullable(text()), region: nullable(text()),
      precision: { type: 'integer', enum: [1, 2, 3] }, timePrecision: num, source: nullable(text()), reportingUnit: nullable(text()),
    },
    ['id', 'kind', 'occurredAt', 'civilianTargeting'],
  )
  async layer(@Query() query: IncidentsGeoQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FeatureCollection> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    const keep = placeFilter(query);
    const incidents = await this.readModels.find(incidentsProjection, { where: filters(query) });
    return sendCollection(reply, incidents.filter((i) => keep(i.location)).map(featureOf), query);
  }
}
