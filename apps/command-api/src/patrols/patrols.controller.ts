import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { patrolDecider, patrolStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { CompletePatrolDto } from './complete-patrol.dto';
import { DeployPatrolDto } from './deploy-patrol.dto';
import type { StopDto } from './stop.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

const stopsUtc = (stops: StopDto[] | undefined) =>
  stops?.map((s) => ({ ...s, arrivedAt: toUtc(s.arrivedAt), departedAt: toUtc(s.departedAt) }));

@ApiTags('patrols')
@ApiBearerAuth()
@Controller('patrols')
export class PatrolsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  deploy(@Body() body: DeployPatrolDto, @Write() write: WriteContext) {
    const patrolId = randomUUID();
    const stops = stopsUtc(body.stops);
    const data = { ...body, patrolId, startedAt: toUtc(body.startedAt), ...(stops && { stops }) };
    return this.commands.execute(
      new DecideCommand(patrolDecider, patrolStreamId(patrolId), { type: 'DeployPatrol', data, context: commandContext() }, write, true),
    );
  }

  @Post(':id/complete')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  complete(@Param('id', IdPipe) patrolId: string, @Body() body: CompletePatrolDto, @Write() write: WriteContext) {
    const stops = stopsUtc(body.stops);
    const data = { patrolId, endedAt: toUtc(body.endedAt), ...(stops && { stops }) };
    return this.commands.execute(
      new DecideCommand(patrolDecider, patrolStreamId(patrolId), { type: 'CompletePatrol', data, context: commandContext() }, write),
    );
  }
}
