import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { baseDecider, baseStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { CloseBaseDto } from './close-base.dto';
import { EstablishBaseDto } from './establish-base.dto';
import { RecordTobActivityDto } from './record-tob-activity.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

@ApiTags('bases')
@ApiBearerAuth()
@Controller('bases')
export class BasesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  establish(@Body() body: EstablishBaseDto, @Write() write: WriteContext) {
    const baseId = randomUUID();
    const data = { ...body, baseId, establishedAt: toUtc(body.establishedAt) };
    return this.commands.execute(
      new DecideCommand(baseDecider, baseStreamId(baseId), { type: 'EstablishBase', data, context: commandContext() }, write, true),
    );
  }

  @Post(':id/close')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  close(@Param('id', IdPipe) baseId: string, @Body() body: CloseBaseDto, @Write() write: WriteContext) {
    const data = { baseId, closedAt: toUtc(body.closedAt) };
    return this.commands.execute(
      new DecideCommand(baseDecider, baseStreamId(baseId), { type: 'CloseBase', data, context: commandContext() }, write),
    );
  }

  /** What the TOB enabled: one activity per request; its id is `<baseId>:<version>` of the answer. */
  @Post(':id/activities')
  @ApiIdParam()
  @Roles('ops')
  @ApiCreatedResponse({ type: WriteResultDto, description: 'the activity is the base stream\'s event at `version`' })
  recordActivity(@Param('id', IdPipe) baseId: string, @Body() body: RecordTobActivityDto, @Write() write: WriteContext) {
    const data = { ...body, baseId, date: toUtc(body.date) };
    return this.commands.execute(
      new DecideCommand(baseDecider, baseStreamId(baseId), { type: 'RecordTobActivity', data, context: commandContext() }, write),
    );
  }
}
