import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { INCIDENT_KINDS } from '@poc/domain';
import { incidentsProjection, type Condition, type IncidentView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, RangeQuery, ReadOwnWritesQuery, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { DailyCountDto, IncidentViewDto } from './incident-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

export class IncidentsQuery extends RangeQuery {
  @ApiPropertyOptional({ example: 'Bankass' }) @IsOptional() @IsString() @MaxLength(80) cercle?: string;
  @ApiPropertyOptional({ enum: INCIDENT_KINDS }) @IsOptional() @IsIn(INCIDENT_KINDS) kind?: string;
}

export type DailyCount = Readonly<{ date: string; cercle: string | null; count: number }>;

const filters = (query: IncidentsQuery): Condition[] => {
  const where: Condition[] = [{ column: 'status', op: '=', value: 'active' }];
  if (query.from) where.push({ column: 'occurred_at', op: '>=', value: lowerBound(query.from) });
  if (query.to) where.push({ column: 'occurred_at', op: '<=', value: upperBound(query.to) });
  if (query.cercle) where.push({ column: 'cercle', op: '=', value: query.cercle });
  if (query.kind) where.push({ column: 'kind', op: '=', value: query.kind });
  return where;
};

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
@Roles('ops', 'analyst')
export class IncidentQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: IncidentViewDto, isArray: true })
  async list(@Query() query: IncidentsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<IncidentView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    return this.readModels.find(incidentsProjection, {
      where: filters(query),
      // Ties broken by id: a page must not change order when the read model is rebuilt.
      orderBy: [{ column: 'occurred_at' }, { column: 'key' }],
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
  }

  /** Incidents per UTC day and cercle; retracted ones are left out, corrected ones count where they now fall. */
  @Get('daily')
  @ApiOkResponse({ type: DailyCountDto, isArray: true })
  async daily(@Query() query: IncidentsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<DailyCount[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    const rows = await this.readModels.countBy(incidentsProjection, ['occurred_day', 'cercle'], filters(query));
    return rows.map((r) => ({ date: String(r.occurred_day), cercle: (r.cercle as string | null) ?? null, count: Number(r.count) }));
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: IncidentViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<IncidentView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    return this.readModels.get(incidentsProjection, id, 'incident');
  }
}
