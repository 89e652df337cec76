import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { caveatDecider, caveatStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { RaiseCaveatDto } from './raise-caveat.dto';
import { SettleCaveatDto } from './settle-caveat.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

/** Refusals and conditions contingents set on orders, and how each was settled. */
@ApiTags('caveats')
@ApiBearerAuth()
@Controller('caveats')
export class CaveatsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'id: the caveat' })
  raise(@Body() body: RaiseCaveatDto, @Write() write: WriteContext) {
    const caveatId = randomUUID();
    const data = { ...body, caveatId, raisedAt: toUtc(body.raisedAt) };
    return this.commands.execute(new DecideCommand(caveatDecider, caveatStreamId(caveatId), { type: 'RaiseCaveat', data, context: commandContext() }, write, true));
  }

  @Post(':id/settle')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no such caveat' })
  @ApiConflictResponse({ description: 'the caveat was already settled' })
  settle(@Param('id', IdPipe) caveatId: string, @Body() body: SettleCaveatDto, @Write() write: WriteContext) {
    const data = { ...body, caveatId, settledAt: toUtc(body.settledAt) };
    return this.commands.execute(new DecideCommand(caveatDecider, caveatStreamId(caveatId), { type: 'SettleCaveat', data, context: commandContext() }, write));
  }
}
