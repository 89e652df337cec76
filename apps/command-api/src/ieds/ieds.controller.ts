import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { iedDecider, iedStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { DetectIedDto } from './detect-ied.dto';
import { ResolveIedDto } from './resolve-ied.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

@ApiTags('ieds')
@ApiBearerAuth()
@Controller('ieds')
export class IedsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto })
  detect(@Body() body: DetectIedDto, @Write() write: WriteContext) {
    const iedId = randomUUID();
    const data = { ...body, iedId, detectedAt: toUtc(body.detectedAt) };
    return this.commands.execute(new DecideCommand(iedDecider, iedStreamId(iedId), { type: 'DetectIed', data, context: commandContext() }, write, true));
  }

  @Post(':id/neutralize')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiConflictResponse({ description: 'the IED already went off or was already neutralised' })
  neutralize(@Param('id', IdPipe) iedId: string, @Body() body: ResolveIedDto, @Write() write: WriteContext) {
    const data = { ...body, iedId, at: toUtc(body.at) };
    return this.commands.execute(new DecideCommand(iedDecider, iedStreamId(iedId), { type: 'NeutralizeIed', data, context: commandContext() }, write));
  }

  @Post(':id/detonation')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiConflictResponse({ description: 'the IED was neutralised or already went off' })
  detonation(@Param('id', IdPipe) iedId: string, @Body() body: ResolveIedDto, @Write() write: WriteContext) {
    const data = { ...body, iedId, at: toUtc(body.at) };
    return this.commands.execute(
      new DecideCommand(iedDecider, iedStreamId(iedId), { type: 'RecordIedDetonation', data, context: commandContext() }, write),
    );
  }
}
