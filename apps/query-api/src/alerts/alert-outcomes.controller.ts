import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { alertOutcomes, alertsProjection, alertsReceivedQuery, type AlertOutcomes, type AlertView } from '@poc/projections';
import { Roles } from '@poc/platform/auth';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadModels } from '../shared/read-models.service';
import { rangeOf, ReportRangeQuery } from '../shared/report-range';
import { AlertOutcomesDto } from './alert-outcomes.dto';

/**
 * Which warnings came true (docs/readiness.md). Registered before AlertQueriesController so
 * that `/alerts/outcomes` is never taken for `GET /alerts/:id`.
 */
@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
@Roles('ops', 'analyst')
export class AlertOutcomesController {
  constructor(private readonly readModels: ReadModels) {}

  @Get('outcomes')
  @ApiOkResponse({ type: AlertOutcomesDto })
  async outcomes(@Query() query: ReportRangeQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertOutcomes> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([alertsProjection], query.minPosition));
    const range = rangeOf(query);
    // Every alert of the range, no paging: a share over a page would mean nothing.
    const alerts = await this.readModels.find<AlertView>(alertsProjection, alertsReceivedQuery(range));
    return alertOutcomes(alerts, range);
  }
}
