import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { alertsProjection, type AlertView, type Condition } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { lowerBound, RangeQuery, ReadOwnWritesQuery, upperBound } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { AlertViewDto } from './alert-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

const STATUSES = ['open', 'triaged', 'closed'] as const;

export class AlertsQuery extends RangeQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional() @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
@Roles('ops', 'analyst')
export class AlertQueriesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get()
  @ApiOkResponse({ type: AlertViewDto, isArray: true })
  async list(@Query() query: AlertsQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertView[]> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([alertsProjection], query.minPosition));
    const where: Condition[] = [{ column: 'status', op: query.status ? '=' : 'not-null', value: query.status ?? null }];
    if (query.from) where.push({ column: 'received_at', op: '>=', value: lowerBound(query.from) });
    if (query.to) where.push({ column: 'received_at', op: '<=', value: upperBound(query.to) });
    return this.readModels.find(alertsProjection, {
      where,
      orderBy: [{ column: 'received_at', desc: true }],
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
    });
  }

  @Get(':id')
  @ApiIdParam()
  @ApiOkResponse({ type: AlertViewDto })
  async get(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertView> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([alertsProjection], query.minPosition));
    const alert = await this.readModels.get(alertsProjection, id, 'alert');
    // Only a response naming it has arrived so far: the alert itself is not known yet.
    if (!alert.status) throw new NotFoundException(`alert ${id} not found`);
    return alert;
  }
}
