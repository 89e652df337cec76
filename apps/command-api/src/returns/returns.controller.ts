import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { returnDecider, returnStreamId } from '@poc/domain';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { toUtc } from '../shared/validators';
import { CreatedDto } from '../shared/write-result.dto';
import { RecordReturnDto } from './record-return.dto';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('returns')
export class ReturnsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  record(@Body() body: RecordReturnDto, @Write() write: WriteContext) {
    const returnId = randomUUID();
    const data = { ...body, returnId, returnedAt: toUtc(body.returnedAt) };
    return this.commands.execute(new DecideCommand(returnDecider, returnStreamId(returnId), { type: 'RecordReturn', data, context: commandContext() }, write, true));
  }
}
