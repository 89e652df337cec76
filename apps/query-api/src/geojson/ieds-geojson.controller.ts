import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IED_STATUSES } from '@poc/domain';
import { iedsProjection, iedsQuery, type IedView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { point, sendCollection, type FeatureCollection, type Keyed } from './feature-collection';
import { GeoQuery, placeFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { Roles } from '@poc/platform/auth';

export class IedsGeoQuery extends GeoQuery {
  @ApiPropertyOptional({ enum: IED_STATUSES }) @IsOptional() @IsIn(IED_STATUSES) status?: string;
}

const featureOf = (i: IedView): Keyed => ({
  key: [i.detectedAt, i.iedId, 0],
  feature: {
    type: 'Feature',
    id: i.iedId,
    geometry: point(i.location),
    properties: {
      id: i.iedId,
      status: i.status,
      detectedAt: i.detectedAt,
      resolvedAt: i.resolvedAt ?? null,
      casualties: i.casualties ?? null,
      unit: i.unit ?? null,
      cercle: i.location.cercle ?? null,
      region: i.location.region ?? null,
    },
  },
});

const time = text({ format: 'date-time' });

@ApiTags('map')
@ApiBearerAuth()
@Controller()
@Roles('ops', 'analyst')
export class IedsGeoJsonController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('ieds.geojson')
  @ApiFeatureCollection(
    'a Point per IED, in order of detectedAt',
    ['Point'],
    {
      id: text(), status: text({ enum: [...IED_STATUSES] }), detectedAt: time, resolvedAt: nullable(time), casualties: nullable({ type: 'integer' }),
      unit: nullable(text()), cercle: nullable(text()), region: nullable(text()),
    },
    ['id', 'status', 'detectedAt'],
  )
  async layer(@Query() query: IedsGeoQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FeatureCollection> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([iedsProjection], query.minPosition));
    const range = rangeOf(query);
    const filter = { detectedFrom: range.from, detectedTo: range.to, cercle: query.cercle, region: query.region, status: query.status };
    const keep = placeFilter(query);
    const ieds = await this.readModels.find(iedsProjection, iedsQuery(filter));
    return sendCollection(reply, ieds.filter((i) => keep(i.location)).map(featureOf), query);
  }
}
