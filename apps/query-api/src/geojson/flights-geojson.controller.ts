import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { alertsProjection, flightsProjection, flightsQuery, type FlightView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { alertsInArea, answersAny } from './alerts-in-area';
import { point, sendCollection, type FeatureCollection, type Keyed } from './feature-collection';
import { GeoQuery, spatialFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { Roles } from '@poc/platform/auth';

const featureOf = (f: FlightView): Keyed => ({
  key: [f.dispatchedAt, f.flightId, 0],
  feature: {
    type: 'Feature',
    id: f.flightId,
    geometry: point(f.target),
    properties: {
      id: f.flightId,
      status: f.status,
      dispatchedAt: f.dispatchedAt,
      completedAt: f.completedAt ?? null,
      radiusKm: f.target.radiusKm ?? null,
      alertIds: f.alertIds,
      aircraft: f.aircraft ?? null,
      unit: f.unit ?? null,
      outcome: f.outcome ?? null,
    },
  },
});

const time = text({ format: 'date-time' });

@ApiTags('map')
@ApiBearerAuth()
@Controller()
@Roles('ops', 'analyst')
export class FlightsGeoJsonController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('flights.geojson')
  @ApiFeatureCollection(
    "a Point per flight at its target's centre (radiusKm: the target circle), in order of dispatchedAt; in a cercle or region when an alert it answers is",
    ['Point'],
    {
      id: text(), status: text({ enum: ['dispatched', 'completed', 'aborted'] }), dispatchedAt: time, completedAt: nullable(time),
      radiusKm: nullable({ type: 'number' }), alertIds: { type: 'array', items: text() }, aircraft: nullable(text()), unit: nullable(text()), outcome: nullable(text()),
    },
    ['id', 'status', 'dispatchedAt', 'radiusKm', 'alertIds'],
  )
  async layer(@Query() query: GeoQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FeatureCollection> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([flightsProjection, alertsProjection], query.minPosition));
    const range = rangeOf(query);
    const flights = await this.readModels.find(flightsProjection, flightsQuery({ dispatchedFrom: range.from, dispatchedTo: range.to }));
    const alerts = await alertsInArea(this.readModels, query);
    const keep = spatialFilter(query);
    return sendCollection(reply, flights.filter((f) => answersAny(f.alertIds, alerts) && keep(f.target)).map(featureOf), query);
  }
}
