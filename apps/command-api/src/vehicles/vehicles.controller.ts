import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { vehicleDecider, vehicleIdOf, vehicleStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { ChangeVehicleStatusDto } from './change-vehicle-status.dto';
import { RegisterVehicleDto } from './register-vehicle.dto';
import { WriteOffVehicleDto } from './write-off-vehicle.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

/** The armoured-vehicle register: its id is the registration (upper case), so the stream is found, not minted. */
@ApiTags('vehicles')
@ApiBearerAuth()
@Controller('vehicles')
export class VehiclesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'id: the registration in upper case' })
  @ApiConflictResponse({ description: 'a vehicle with this registration is already registered' })
  register(@Body() body: RegisterVehicleDto, @Write() write: WriteContext) {
    const data = { ...body, registeredAt: toUtc(body.registeredAt) };
    return this.commands.execute(new DecideCommand(vehicleDecider, vehicleStreamId(body.registration), { type: 'RegisterVehicle', data, context: commandContext() }, write));
  }

  @Post(':id/status')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no vehicle with this registration' })
  @ApiConflictResponse({ description: 'the vehicle is already in this status, or was written off' })
  changeStatus(@Param('id', IdPipe) id: string, @Body() body: ChangeVehicleStatusDto, @Write() write: WriteContext) {
    const vehicleId = vehicleIdOf(id);
    const data = { ...body, vehicleId, at: toUtc(body.at) };
    return this.commands.execute(new DecideCommand(vehicleDecider, vehicleStreamId(vehicleId), { type: 'ChangeVehicleStatus', data, context: commandContext() }, write));
  }

  @Post(':id/write-off')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no vehicle with this registration' })
  @ApiConflictResponse({ description: 'the vehicle was already written off' })
  writeOff(@Param('id', IdPipe) id: string, @Body() body: WriteOffVehicleDto, @Write() write: WriteContext) {
    const vehicleId = vehicleIdOf(id);
    const data = { ...body, vehicleId, at: toUtc(body.at) };
    return this.commands.execute(new DecideCommand(vehicleDecider, vehicleStreamId(vehicleId), { type: 'WriteOffVehicle', data, context: commandContext() }, write));
  }
}
