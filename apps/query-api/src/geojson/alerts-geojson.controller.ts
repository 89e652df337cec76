import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { ALERT_CHANNELS, ALERT_PRIORITIES, ALERT_STATUSES as STATUSES, THREAT_KINDS } from '@poc/domain';
import { alertsProjection, alertsQuery, type AlertView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { point, sendCollection, type FeatureCollection, type Keyed } from './feature-collection';
import { GeoQuery, placeFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { Roles } from '@poc/platform/auth';


export class AlertsGeoQuery extends GeoQuery {
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: (typeof STATUSES)[number];
  @ApiPropertyOptional({ enum: ALERT_PRIORITIES, description: 'the triage priority (untriaged alerts have none)' })
  @IsOptional() @IsIn(ALERT_PRIORITIES)
  priority?: string;
}

type Received = AlertView & Required<Pick<AlertView, 'status' | 'receivedAt' | 'location'>>;

/** Where, when and how urgent; never the caller, nor the description a caller may be named in. */
const featureOf = (a: Received): Keyed => ({
  key: [a.receivedAt, a.alertId, 0],
  feature: {
    type: 'Feature',
    id: a.alertId,
    geometry: point(a.location),
    properties: {
      id: a.alertId,
      status: a.status,
      priority: a.triage?.priority ?? null,
      receivedAt: a.receivedAt,
      channel: a.channel ?? null,
      threatKind: a.threat?.kind ?? null,
      responded: a.responses.length > 0,
      cercle: a.location.cercle ?? null,
      region: a.location.region ?? null,
      precision: a.location.precision,
    },
  },
});

@ApiTags('map')
@ApiBearerAuth()
@Controller()
@Roles('ops', 'analyst')
export class AlertsGeoJsonController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('alerts.geojson')
  @ApiFeatureCollection(
    'a Point per alert, in order of receivedAt; no caller data',
    ['Point'],
    {
      id: text(), status: text({ enum: [...STATUSES] }), priority: nullable(text({ enum: [...ALERT_PRIORITIES] })), receivedAt: text({ format: 'date-time' }),
      channel: nullable(text({ enum: [...ALERT_CHANNELS] })), threatKind: nullable(text({ enum: [...THREAT_KINDS] })), responded: { type: 'boolean' },
      cercle: nullable(text()), region: nullable(text()), precision: { type: 'integer', enum: [1, 2, 3] },
    },
    ['id', 'status', 'priority', 'receivedAt', 'responded'],
  )
  async layer(@Query() query: AlertsGeoQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FeatureCollection> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([alertsProjection], query.minPosition));
    // No status yet: only a response naming the alert has arrived, it has no location.
    const range = rangeOf(query);
    const filter = { status: query.status, receivedFrom: range.from, receivedTo: range.to, cercle: query.cercle, priority: query.priority };
    const keep = placeFilter(query);
    const alerts = (await this.readModels.find(alertsProjection, alertsQuery(filter))) as Received[];
    return sendCollection(reply, alerts.filter((a) => a.location && a.receivedAt && keep(a.location)).map(featureOf), query);
  }
}
