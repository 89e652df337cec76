import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { TOB_ACTIVITY_KINDS, type TobActivityKind } from '@poc/domain';
import {
  alertsLinkedToIncidentsQuery,
  alertsProjection,
  basesProjection,
  basesQuery,
  incidentsProjection,
  tobActivitiesProjection,
  tobActivitiesQuery,
  tobActivitiesSummary,
  tobSpeedFromInformed,
  withKeys,
  type AlertView,
  type BaseView,
  type IncidentView,
  type TobActivitiesSummary,
  type TobActivityView,
  type TobSpeedFromInformed,
} from '@poc/projections';
import { Roles } from '@poc/platform/auth';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { TobActivitiesDto, TobSpeedFromInformedDto } from './tob-views.dto';

class TobActivitiesQueryDto extends ReportRangeQuery {
  @ApiPropertyOptional({ enum: TOB_ACTIVITY_KINDS }) @IsOptional() @IsIn(TOB_ACTIVITY_KINDS) kind?: TobActivityKind;
  @ApiPropertyOptional({ example: 'Koro' }) @IsOptional() @IsString() @MaxLength(80) cercle?: string;
}

/** TOBs as the letter measures them (docs/readiness.md); GET /bases/speed keeps the time from the attack. */
@ApiTags('bases')
@ApiBearerAuth()
@Controller('tobs')
@Roles('ops', 'analyst')
export class TobsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('speed')
  @ApiOkResponse({ type: TobSpeedFromInformedDto, description: 'hours from when the mission was informed of the attack to the TOB' })
  async speed(@Query() query: ReportRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<TobSpeedFromInformed> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([basesProjection, incidentsProjection, alertsProjection], query.minPosition));
    const range = rangeOf(query);
    const bases = await this.readModels.find<BaseView>(basesProjection, basesQuery({ establishedFrom: range.from, establishedTo: range.to }));
    const triggerIds = [...new Set(bases.flatMap((b) => (b.triggerIncidentId ? [b.triggerIncidentId] : [])))];
    if (triggerIds.length === 0) return tobSpeedFromInformed(bases, [], [], range);
    // Retracted triggers too: the pure function says why they do not count.
    const incidents = await this.readModels.find<IncidentView>(incidentsProjection, withKeys(triggerIds));
    const alerts = await this.readModels.find<AlertView>(alertsProjection, alertsLinkedToIncidentsQuery(triggerIds));
    return tobSpeedFromInformed(bases, incidents, alerts, range);
  }

  @Get('activities')
  @ApiOkResponse({ type: TobActivitiesDto, description: 'what TOBs enabled, by kind and by kind and cercle' })
  async activities(@Query() query: TobActivitiesQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<TobActivitiesSummary> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([tobActivitiesProjection], query.minPosition));
    const range = rangeOf(query);
    const docs = await this.readModels.find<TobActivityView>(tobActivitiesProjection, tobActivitiesQuery({ ...range, kind: query.kind, cercle: query.cercle }));
    return tobActivitiesSummary(docs, range);
  }
}
