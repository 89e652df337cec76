import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { incidentDecider, incidentStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { CorrectIncidentDto } from './correct-incident.dto';
import { RecordVerificationDto } from './record-verification.dto';
import { ReportIncidentDto } from './report-incident.dto';
import { RetractIncidentDto } from './retract-incident.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('incidents')
export class IncidentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  report(@Body() body: ReportIncidentDto, @Write() write: WriteContext) {
    const incidentId = randomUUID();
    const data = { ...body, incidentId, occurredAt: toUtc(body.occurredAt) };
    return this.commands.execute(
      new DecideCommand(incidentDecider, incidentStreamId(incidentId), { type: 'ReportIncident', data, context: commandContext() }, write, true),
    );
  }

  @Post(':id/correct')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  correct(@Param('id', IdPipe) incidentId: string, @Body() body: CorrectIncidentDto, @Write() write: WriteContext) {
    const data = { ...body, incidentId, ...(body.occurredAt && { occurredAt: toUtc(body.occurredAt) }) };
    return this.commands.execute(
      new DecideCommand(incidentDecider, incidentStreamId(incidentId), { type: 'CorrectIncident', data, context: commandContext() }, write),
    );
  }

  @Post(':id/retract')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  retract(@Param('id', IdPipe) incidentId: string, @Body() body: RetractIncidentDto, @Write() write: WriteContext) {
    return this.commands.execute(
      new DecideCommand(incidentDecider, incidentStreamId(incidentId), { type: 'RetractIncident', data: { ...body, incidentId }, context: commandContext() }, write),
    );
  }

  /** Analysts verify as well as ops: it is their defence of the figures (issue 17). */
  @Post(':id/verification')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops', 'analyst')
  @ApiOkResponse({ type: WriteResultDto })
  verify(@Param('id', IdPipe) incidentId: string, @Body() body: RecordVerificationDto, @Write() write: WriteContext) {
    return this.commands.execute(
      new DecideCommand(incidentDecider, incidentStreamId(incidentId), { type: 'RecordVerification', data: { ...body, incidentId }, context: commandContext() }, write),
    );
  }
}
