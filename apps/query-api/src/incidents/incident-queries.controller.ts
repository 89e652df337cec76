import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { INCIDENT_KINDS } from '@poc/domain';
import { dailyIncidentCounts, incidentsProjection, incidentsQuery, type IncidentFilter, type IncidentView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { RangeQuery, ReadOwnWritesQuery } from '../shared/query-params';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { DailyCountDto, IncidentViewDto } from './incident-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

export class IncidentsQuery extends RangeQuery {
  @ApiPropertyOptional({ example: 'Bankass' }) @IsOptional() @IsString() @MaxLength(80) cercle?: string;
  @ApiPropertyOptional({ enum: INCIDENT_KINDS }) @IsOptional() @IsIn(INCIDENT_KINDS) kind?: string;
}

export type DailyCount = Readonly<{ date: string; cercle: string | null; count: number }>;

/** Retracted incidents are always left out (the typed queries keep active ones only). */
const filters = (query: IncidentsQuery): IncidentFilter => {
  const range = rangeOf(query);
  return { occurredFrom: range.from, occurredTo: range.to, cercle: query.cercle, kind: query.kind };
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
    // Ties broken by id: a page must not change order when the read model is rebuilt.
    return this.readModels.find(incidentsProjection, incidentsQuery(filters(query), { order: 'occurred', limit: query.limit ?? 100, offset: query.offset ?? 0 }));
  }

  /** Incidents per UTC day and cercle; retracted ones are left out, corrected ones count where they now fall. */
  @Get('daily')
  @ApiOkResponse({ type: DailyCountDto, isArray: true })
  async daily(@Query() query: IncidentsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<DailyCount[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    const rows = await this.readModels.count(incidentsProjection, dailyIncidentCounts(['cercle'], filters(query)));
    return rows.map((r) => ({ date: r.day, cercle: r.cercle, count: r.count }));
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: IncidentViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<IncidentView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([incidentsProjection], query.minPosition));
    return this.readModels.get(incidentsProjection, id, 'incident');
  }
}
