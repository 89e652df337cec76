import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { CAVEAT_KINDS, type CaveatKind } from '@poc/domain';
import { caveatSummary, caveatsProjection, caveatsQuery, type CaveatSummary, type CaveatView } from '@poc/projections';
import { asOfInstant } from '../deterrence/deterrence-query';
import { setFreshnessHeaders } from '../shared/freshness';
import { IsQueryTime, lowerBound, PageQuery, ReadOwnWritesQuery, upperBound } from '../shared/query-params';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { CaveatSummaryDto, CaveatViewDto } from './caveat-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

const CAVEAT_STATUSES = ['open', 'settled'] as const;

/** `true`/`false` in a query string; anything else is left to fail validation. */
const ToBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class CaveatsQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2020-01-01', description: 'raised from this day or time (UTC), inclusive' }) @IsOptional() @IsQueryTime() since?: string;
  @ApiPropertyOptional({ example: '2020-05-20', description: 'raised up to this day or time (UTC), inclusive' }) @IsOptional() @IsQueryTime() until?: string;
  @ApiPropertyOptional({ type: Boolean, description: 'false: the caveats not declared beforehand' }) @IsOptional() @ToBoolean() @IsBoolean() declared?: boolean;
  @ApiPropertyOptional({ example: 'Contingent A' }) @IsOptional() @IsString() @MaxLength(80) contingent?: string;
  @ApiPropertyOptional({ enum: CAVEAT_KINDS }) @IsOptional() @IsIn(CAVEAT_KINDS) kind?: CaveatKind;
  @ApiPropertyOptional({ enum: CAVEAT_STATUSES }) @IsOptional() @IsIn(CAVEAT_STATUSES) status?: (typeof CAVEAT_STATUSES)[number];
}

export class CaveatSummaryQuery extends ReportRangeQuery {
  @ApiPropertyOptional({ example: '2020-05-20T12:00:00Z', description: 'what had been recorded by then (a bare day: its end); everything by default' })
  @IsOptional() @IsQueryTime()
  asOf?: string;
}

@ApiTags('caveats')
@ApiBearerAuth()
@Controller('caveats')
@Roles('ops', 'analyst')
export class CaveatQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: CaveatViewDto, isArray: true, description: 'caveats by time raised; ?declared=false&since= lists the undeclared ones since a date' })
  async list(@Query() query: CaveatsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaveatView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([caveatsProjection], query.minPosition));
    const filter = {
      ...(query.since !== undefined && { raisedFrom: lowerBound(query.since) }),
      ...(query.until !== undefined && { raisedTo: upperBound(query.until) }),
      declared: query.declared,
      contingent: query.contingent,
      kind: query.kind,
      status: query.status,
    };
    return this.readModels.find(caveatsProjection, caveatsQuery(filter, { order: 'raised', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }

  // Declared before ':id', so that `summary` is not taken for a caveat's id.
  @Get('summary')
  @ApiOkResponse({ type: CaveatSummaryDto, description: 'caveats raised in the period: declared or not, refusals and conditions, settled or open' })
  async summary(@Query() query: CaveatSummaryQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaveatSummary> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([caveatsProjection], query.minPosition));
    const range = rangeOf(query);
    const docs = await this.readModels.find<CaveatView>(caveatsProjection, caveatsQuery({ raisedFrom: range.from, raisedTo: range.to }));
    return caveatSummary(docs, { ...range, ...(query.asOf !== undefined && { asOf: asOfInstant(query.asOf) }) });
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: CaveatViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaveatView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([caveatsProjection], query.minPosition));
    return this.readModels.get(caveatsProjection, id, 'caveat');
  }
}
