import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { judicialCaseDecider, judicialCaseStreamId, type JudicialCaseCommand } from '@poc/domain';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { ChangeJudicialCaseStatusDto } from './change-judicial-case-status.dto';
import { OpenJudicialCaseDto } from './open-judicial-case.dto';
import { RecordPeopleCountDto } from './record-people-count.dto';

/** The specialised judicial unit's cases: references and counts only. */
@ApiTags('judicial')
@ApiBearerAuth()
@Controller('judicial/cases')
export class JudicialController {
  constructor(private readonly commands: CommandBus) {}

  private decide(caseRef: string, command: JudicialCaseCommand, write: WriteContext) {
    return this.commands.execute(new DecideCommand(judicialCaseDecider, judicialCaseStreamId(caseRef), command, write));
  }

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'id is the case reference' })
  @ApiConflictResponse({ description: 'a case with this reference was already opened' })
  open(@Body() body: OpenJudicialCaseDto, @Write() write: WriteContext) {
    return this.decide(body.caseRef, { type: 'OpenJudicialCase', data: { ...body, openedAt: toUtc(body.openedAt), ...(body.statusAt !== undefined && { statusAt: toUtc(body.statusAt) }) }, context: commandContext() }, write);
  }

  @Post(':id/status')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no case has this reference' })
  @ApiConflictResponse({ description: 'the case is closed or already has this status' })
  status(@Param('id', IdPipe) caseRef: string, @Body() body: ChangeJudicialCaseStatusDto, @Write() write: WriteContext) {
    return this.decide(caseRef, { type: 'ChangeJudicialCaseStatus', data: { ...body, caseRef, at: toUtc(body.at) }, context: commandContext() }, write);
  }

  @Post(':id/detentions')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no case has this reference' })
  @ApiConflictResponse({ description: 'the case is closed' })
  detentions(@Param('id', IdPipe) caseRef: string, @Body() body: RecordPeopleCountDto, @Write() write: WriteContext) {
    return this.decide(caseRef, { type: 'RecordDetentions', data: { ...body, caseRef, at: toUtc(body.at) }, context: commandContext() }, write);
  }

  @Post(':id/convictions')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no case has this reference' })
  @ApiConflictResponse({ description: 'the case is not referred to trial' })
  convictions(@Param('id', IdPipe) caseRef: string, @Body() body: RecordPeopleCountDto, @Write() write: WriteContext) {
    return this.decide(caseRef, { type: 'RecordConvictions', data: { ...body, caseRef, at: toUtc(body.at) }, context: commandContext() }, write);
  }
}
