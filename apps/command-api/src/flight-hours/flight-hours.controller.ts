import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { flightHoursDecider, flightHoursStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { CreatedDto } from '../shared/write-result.dto';
import { AllotFlightHoursDto } from './allot-flight-hours.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

@ApiTags('flights')
@ApiBearerAuth()
@Controller('flight-hours')
export class FlightHoursController {
  constructor(private readonly commands: CommandBus) {}

  /** The month names the stream: a second allotment for it is a revision (id: the month). */
  @Post('allotments')
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'id: the month' })
  @ApiConflictResponse({ description: 'the month already has exactly this allotment' })
  allot(@Body() body: AllotFlightHoursDto, @Write() write: WriteContext) {
    const data = { month: body.month, hours: body.hours, ...(body.note !== undefined && { note: body.note }) };
    return this.commands.execute(
      new DecideCommand(flightHoursDecider, flightHoursStreamId(body.month), { type: 'AllotFlightHours', data, context: commandContext() }, write),
    );
  }
}
