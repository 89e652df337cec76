import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { EVALUATION_RATINGS, UNIT_KINDS, type EvaluationRating, type UnitKind } from '@poc/domain';
import { evaluationSummary, evaluationsProjection, evaluationsQuery, type EvaluationSummary, type EvaluationView } from '@poc/projections';
import { asOfInstant } from '../deterrence/deterrence-query';
import { setFreshnessHeaders } from '../shared/freshness';
import { IsQueryTime, PageQuery, ReadOwnWritesQuery } from '../shared/query-params';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { EvaluationSummaryDto, EvaluationViewDto } from './evaluation-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, ID_PATTERN, IdPipe } from '@poc/platform/http';

const PLAN_STATUSES = ['none', 'open', 'closed'] as const;

export class EvaluationsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2020-01-01', description: 'evaluated from this day or time (UTC), inclusive' }) @IsOptional() @IsQueryTime() from?: string;
  @ApiPropertyOptional({ example: '2020-05-20', description: 'evaluated up to this day or time (UTC), inclusive' }) @IsOptional() @IsQueryTime() to?: string;
  @ApiPropertyOptional({ example: 'BANBAT-2', pattern: ID_PATTERN.source }) @IsOptional() @Matches(ID_PATTERN) unitId?: string;
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) unitKind?: UnitKind;
  @ApiPropertyOptional({ enum: EVALUATION_RATINGS }) @IsOptional() @IsIn(EVALUATION_RATINGS) rating?: EvaluationRating;
  @ApiPropertyOptional({ enum: PLAN_STATUSES, description: 'none: no improvement plan issued' }) @IsOptional() @IsIn(PLAN_STATUSES) planStatus?: (typeof PLAN_STATUSES)[number];
}

export class EvaluationSummaryQuery extends ReportRangeQuery {
  @ApiPropertyOptional({ example: '2020-05-20T12:00:00Z', description: 'what had been recorded by then (a bare day: its end); everything by default' })
  @IsOptional() @IsQueryTime()
  asOf?: string;
}

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluations')
@Roles('ops', 'analyst')
export class EvaluationQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: EvaluationViewDto, isArray: true, description: 'evaluations by time evaluated, each with its improvement plan' })
  async list(@Query() query: EvaluationsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<EvaluationView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([evaluationsProjection], query.minPosition));
    const range = rangeOf(query);
    const filter = { unitId: query.unitId, unitKind: query.unitKind, rating: query.rating, planStatus: query.planStatus, evaluatedFrom: range.from, evaluatedTo: range.to };
    return this.readModels.find(evaluationsProjection, evaluationsQuery(filter, { order: 'evaluated', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }

  // Declared before ':id', so that `summary` is not taken for an evaluation's id.
  @Get('summary')
  @ApiOkResponse({ type: EvaluationSummaryDto, description: 'units evaluated in the period by rating, plans issued and open; military and formed police units apart' })
  async summary(@Query() query: EvaluationSummaryQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<EvaluationSummary> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([evaluationsProjection], query.minPosition));
    const range = rangeOf(query);
    // Every evaluation of the period in one read: a figure is never computed over a page.
    const docs = await this.readModels.find<EvaluationView>(evaluationsProjection, evaluationsQuery({ evaluatedFrom: range.from, evaluatedTo: range.to }));
    return evaluationSummary(docs, { ...range, ...(query.asOf !== undefined && { asOf: asOfInstant(query.asOf) }) });
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: EvaluationViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<EvaluationView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([evaluationsProjection], query.minPosition));
    return this.readModels.get(evaluationsProjection, id, 'evaluation');
  }
}

@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('units')
@Roles('ops', 'analyst')
export class UnitEvaluationsController {
  constructor(private readonly readModels: ReadModels) {}

  @Get(':id/evaluations')
  @ApiIdParam()
  @ApiOkResponse({ type: EvaluationViewDto, isArray: true, description: "the unit's evaluations, oldest first, with their plans; empty for a unit never evaluated" })
  async list(@Param('id', IdPipe) unitId: string, @Query() query: PageQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<EvaluationView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([evaluationsProjection], query.minPosition));
    return this.readModels.find(evaluationsProjection, evaluationsQuery({ unitId }, { order: 'evaluated', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }
}
