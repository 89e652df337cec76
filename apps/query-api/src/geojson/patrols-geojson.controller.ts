import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { PATROL_KINDS } from '@poc/domain';
import { alertsProjection, patrolsProjection, patrolsQuery, type PatrolView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { alertsInArea, answersAny } from './alerts-in-area';
import { sendCollection, type FeatureCollection } from './feature-collection';
import { areaFilter, GeoQuery, hasAreaFilter, spatialFilter } from './geo-filters';
import { ApiFeatureCollection, nullable, text } from './geojson-openapi';
import { patrolFeatures } from './patrol-features';
import { Roles } from '@poc/platform/auth';

export class PatrolsGeoQuery extends GeoQuery {
  @ApiPropertyOptional({ example: 'Buffalo' }) @IsOptional() @IsString() @MaxLength(80) operation?: string;
}

const time = text({ format: 'date-time' });

@ApiTags('map')
@ApiBearerAuth()
@Controller()
@Roles('ops', 'analyst')
export class PatrolsGeoJsonController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('patrols.geojson')
  @ApiFeatureCollection(
    "per patrol (in order of startedAt) its track (kind 'track': a LineString through its stops, a Point if it has one or none yet), then a Point per overnight stop (kind 'overnight-stop')",
    ['Point', 'LineString'],
    {
      kind: text({ enum: ['track', 'overnight-stop'] }),
      id: text(), patrolKind: nullable(text({ description: `as recorded (free text, usually one of ${PATROL_KINDS.join(", ")})` })), status: text({ enum: ['deployed', 'completed'] }), operation: text(),
      startedAt: time, endedAt: nullable(time), stops: { type: 'integer', minimum: 0 }, alertIds: { type: 'array', items: text() },
      unit: text(), patrolId: text(), at: time, departedAt: time,
    },
    ['kind', 'unit'],
  )
  async layer(@Query() query: PatrolsGeoQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<FeatureCollection> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([patrolsProjection, alertsProjection], query.minPosition));
    const range = rangeOf(query);
    const patrols = await this.readModels.find(patrolsProjection, patrolsQuery({ operation: query.operation, startedFrom: range.from, startedTo: range.to }));
    // In a cercle: a stop there (if its location names it) or an alert there that it answers.
    const alerts = await alertsInArea(this.readModels, query);
    const inArea = areaFilter(query);
    const inPlace = (p: PatrolView) => !hasAreaFilter(query) || p.stops.some((s) => inArea(s.location)) || answersAny(p.alertIds, alerts);
    const keepPoint = spatialFilter(query);
    return sendCollection(reply, patrols.filter(inPlace).flatMap((p) => patrolFeatures(p, keepPoint)), query);
  }
}
