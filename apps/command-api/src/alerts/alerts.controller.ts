import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { alertDecider, alertStreamId } from '@poc/domain';
import { type CallerVault, CALLER_VAULT } from '@poc/privacy';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc, toUtcOpt } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { CloseAlertDto } from './close-alert.dto';
import { LinkAlertToIncidentDto } from './link-alert-to-incident.dto';
import { ReceiveAlertDto } from './receive-alert.dto';
import { TriageAlertDto } from './triage-alert.dto';
import { AlertsRateLimit, Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CALLER_VAULT) private readonly vault: CallerVault,
  ) {}

  @Post()
  @Roles('operator', 'ops')
  @AlertsRateLimit()
  @ApiCreatedResponse({ type: CreatedDto, description: 'stored durably before this answer' })
  async receive(@Body() body: ReceiveAlertDto, @Write() write: WriteContext) {
    const alertId = randomUUID();
    // Sealed here, at the edge: from this line on only ciphertext travels (domain, store, bus).
    const { caller, ...rest } = body;
    const sealed = caller && (caller.name !== undefined || caller.phone !== undefined) ? await this.vault.seal(alertId, caller) : undefined;
    const data = {
      ...rest,
      ...(sealed && { caller: sealed }),
      alertId,
      receivedAt: toUtc(body.receivedAt),
      threat: { kind: body.threat.kind, ...(body.threat.expectedAt && { expectedAt: toUtc(body.threat.expectedAt) }) },
    };
    return this.commands.execute(
      new DecideCommand(alertDecider, alertStreamId(alertId), { type: 'ReceiveAlert', data, context: commandContext() }, write, true),
    );
  }

  @Post(':id/triage')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiConflictResponse({ description: 'the alert is closed, or If-Match is stale' })
  triage(@Param('id', IdPipe) alertId: string, @Body() body: TriageAlertDto, @Write() write: WriteContext) {
    return this.commands.execute(
      new DecideCommand(alertDecider, alertStreamId(alertId), { type: 'TriageAlert', data: { ...body, alertId }, context: commandContext() }, write),
    );
  }

  @Post(':id/close')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiConflictResponse({ description: 'the alert is already closed, or If-Match is stale' })
  close(@Param('id', IdPipe) alertId: string, @Body() body: CloseAlertDto, @Write() write: WriteContext) {
    const data = { alertId, outcome: body.outcome, ...(body.closedAt && { closedAt: toUtcOpt(body.closedAt) }) };
    return this.commands.execute(
      new DecideCommand(alertDecider, alertStreamId(alertId), { type: 'CloseAlert', data, context: commandContext() }, write),
    );
  }

  @Post(':id/link-incident')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto, description: 'linked; linking again to the same incident records nothing and answers the same' })
  @ApiConflictResponse({ description: 'the alert is already linked to another incident, or If-Match is stale' })
  linkIncident(@Param('id', IdPipe) alertId: string, @Body() body: LinkAlertToIncidentDto, @Write() write: WriteContext) {
    const data = { alertId, incidentId: body.incidentId };
    return this.commands.execute(
      new DecideCommand(alertDecider, alertStreamId(alertId), { type: 'LinkAlertToIncident', data, context: commandContext() }, write),
    );
  }
}
