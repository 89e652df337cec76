import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { flightDecider, flightStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc, toUtcOpt } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { CompleteFlightDto } from './complete-flight.dto';
import { DispatchFlightDto } from './dispatch-flight.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

@ApiTags('flights')
@ApiBearerAuth()
@Controller('flights')
export class FlightsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  dispatch(@Body() body: DispatchFlightDto, @Write() write: WriteContext) {
    const flightId = randomUUID();
    const data = { ...body, flightId, dispatchedAt: toUtc(body.dispatchedAt), ...(body.takeOffAt && { takeOffAt: toUtc(body.takeOffAt) }) };
    return this.commands.execute(
      new DecideCommand(flightDecider, flightStreamId(flightId), { type: 'DispatchFlight', data, context: commandContext() }, write, true),
    );
  }

  @Post(':id/complete')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  complete(@Param('id', IdPipe) flightId: string, @Body() body: CompleteFlightDto, @Write() write: WriteContext) {
    const data = {
      flightId,
      completedAt: toUtc(body.completedAt),
      ...(body.overTargetFrom && { overTargetFrom: toUtcOpt(body.overTargetFrom) }),
      ...(body.overTargetTo && { overTargetTo: toUtcOpt(body.overTargetTo) }),
      ...(body.outcome && { outcome: body.outcome }),
    };
    return this.commands.execute(
      new DecideCommand(flightDecider, flightStreamId(flightId), { type: 'CompleteFlight', data, context: commandContext() }, write),
    );
  }
}
