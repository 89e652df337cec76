import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { alertsProjection, alertsQuery, type AlertView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { RangeQuery, ReadOwnWritesQuery } from '../shared/query-params';
import { rangeOf } from '../shared/report-range';
import { ReadModels } from '../shared/read-models.service';
import { AlertViewDto } from './alert-view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';
import { ALERT_STATUSES as STATUSES } from '@poc/domain';


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
    const range = rangeOf(query);
    return this.readModels.find(
      alertsProjection,
      alertsQuery({ status: query.status, receivedFrom: range.from, receivedTo: range.to }, { order: 'latest-received-first', limit: query.limit ?? 100, offset: query.offset ?? 0 }),
    );
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
