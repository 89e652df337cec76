import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { INCIDENT_KINDS } from '@poc/domain';
import { incidentsProjection, incidentsQuery, type IncidentFilter, type IncidentView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { point, sendCollection, type FeatureCollection, type Keyed } from './feature-collection';
import { boundsOf, GeoQuery, placeFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { Roles } from '@poc/platform/auth';

export class IncidentsGeoQuery extends GeoQuery {
  @ApiPropertyOptional({ enum: INCIDENT_KINDS }) @IsOptional() @IsIn(INCIDENT_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) civilianTargeting?: 'true' | 'false';
}

/**
 * Everything but bbox/near's exact test goes to the store: incidents have lat/lon columns.
 * Retracted incidents are left out, as in GET /incidents (the typed queries keep active ones only).
 */
const filters = (query: IncidentsGeoQuery): IncidentFilter => {
  const range = rangeOf(query);
  return {
    occurredFrom: range.from,
    occurredTo: range.to,
    cercle: query.cercle,
    region: query.region,
    kind: query.kind,
    targetsCivilians: query.civilianTargeting === undefined ? undefined : query.civilianTargeting === 'true',
    within: boundsOf(query),
  };
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
    const incidents = await this.readModels.find(incidentsProjection, incidentsQuery(filters(query)));
    return sendCollection(reply, incidents.filter((i) => keep(i.location)).map(featureOf), query);
  }
}
