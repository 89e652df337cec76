import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ALERT_PRIORITIES, ALERT_STATUSES, type AlertPriority, type AlertStatus } from '@poc/domain';
import { alertsProjection, type AlertView } from '@poc/projections';
import { setFreshnessHeaders } from '../shared/freshness';
import { ReadOwnWritesQuery } from '../shared/query-params';
import { ReadModels } from '../shared/read-models.service';
import { TIME } from '../shared/view.dto';
import { Roles } from '@poc/platform/auth';
import { ApiIdParam, IdPipe } from '@poc/platform/http';

/** An alert's progress as its operator may follow it. */
export type AlertProgress = Readonly<{
  alertId: string;
  status: AlertStatus;
  priority?: AlertPriority;
  flightSent: boolean;
  patrolSent: boolean;
  closedAt?: string;
}>;

class AlertStatusDto implements AlertProgress {
  @ApiProperty() alertId!: string;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiPropertyOptional({ enum: ALERT_PRIORITIES, example: 'flash', description: 'once triaged' }) priority?: AlertPriority;
  @ApiProperty({ description: 'a flight was dispatched in response' }) flightSent!: boolean;
  @ApiProperty({ description: 'a patrol was deployed in response' }) patrolSent!: boolean;
  @ApiPropertyOptional({ ...TIME, description: 'once closed' }) closedAt?: string;
}

/** Progress only: no caller, place, threat or description, so an operator may follow an alert. */
export const statusOf = (alert: AlertView & { status: AlertStatus }): AlertProgress => ({
  alertId: alert.alertId,
  status: alert.status,
  ...(alert.triage && { priority: alert.triage.priority }),
  flightSent: alert.responses.some((r) => r.kind === 'flight'),
  patrolSent: alert.responses.some((r) => r.kind === 'patrol'),
  ...(alert.closed && { closedAt: alert.closed.closedAt }),
});

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
@Roles('operator', 'ops', 'analyst')
export class AlertStatusController {
  constructor(private readonly readModels: ReadModels) {}

  @Get(':id/status')
  @ApiIdParam()
  @ApiOkResponse({ type: AlertStatusDto })
  async status(@Param('id', IdPipe) id: string, @Query() query: ReadOwnWritesQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<AlertProgress> {
    setFreshnessHeaders(reply, await this.readModels.waitFor([alertsProjection], query.minPosition));
    const alert = await this.readModels.get(alertsProjection, id, 'alert');
    // Only a response naming it has arrived so far: the alert itself is not known yet.
    if (!alert.status) throw new NotFoundException(`alert ${id} not found`);
    return statusOf({ ...alert, status: alert.status });
  }
}
