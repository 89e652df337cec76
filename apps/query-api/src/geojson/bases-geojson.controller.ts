import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { basesProjection, basesQuery, type BaseView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { point, sendCollection, type FeatureCollection, type Keyed } from './feature-collection';
import { GeoQuery, placeFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { Roles } from '@poc/platform/auth';

const featureOf = (b: BaseView): Keyed => ({
  key: [b.establishedAt, b.baseId, 0],
  feature: {
    type: 'Feature',
    id: b.baseId,
    geometry: point(b.location),
    properties: {
      id: b.baseId,
      name: b.name ?? null,
      status: b.status,
      establishedAt: b.establishedAt,
      closedAt: b.closedAt ?? null,
      triggerIncidentId: b.triggerIncidentId ?? null,
      cercle: b.location.cercle ?? null,
      region: b.location.region ?? null,
    },
  },
});

const time = text({ format: 'date-time' });

@ApiTags('map')
@ApiBearerAuth()
@Controller()
@Roles('ops', 'analyst')
export class BasesGeoJsonController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('bases.geojson')
  @ApiFeatureCollection(
    'a Point per temporary operating base (TOB), in order of establishedAt',
    ['Point'],
    {
      id: text(), name: nullable(text()), status: text({ enum: ['open', 'closed'] }), establishedAt: time, closedAt: nullable(time),
      triggerIncidentId: nullable(text()), cercle: nullable(text()), region: nullable(text()),
    },
    ['id', 'status', 'establishedAt', 'closedAt'],
  )
  async layer(@Query() query: GeoQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FeatureCollection> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([basesProjection], query.minPosition));
    const range = rangeOf(query);
    const keep = placeFilter(query);
    const bases = await this.readModels.find(basesProjection, basesQuery({ establishedFrom: range.from, establishedTo: range.to, cercle: query.cercle }));
    return sendCollection(reply, bases.filter((b) => keep(b.location)).map(featureOf), query);
  }
}
