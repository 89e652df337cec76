import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { retaliationDecider, retaliationStreamId } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { CreatedDto } from '../shared/write-result.dto';
import { AssessRetaliationDto } from './assess-retaliation.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

/**
 * Analysts' verdicts on retaliation candidates (DOMAIN.md, "Retaliation"). Each assessment
 * is a new event in the incident's assessment stream, so the answer's `id` is the incident
 * and `version` counts its assessments; a later one supersedes the earlier.
 */
@ApiTags('retaliation')
@ApiBearerAuth()
@Controller('retaliation-assessments')
export class RetaliationAssessmentsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('analyst', 'ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'the assessment, stored durably before this answer; id = incidentId' })
  assess(@Body() body: AssessRetaliationDto, @Write() write: WriteContext) {
    // Incident ids are lower-case UUIDs: one spelling, one assessment stream.
    const data = { ...body, incidentId: body.incidentId.toLowerCase() };
    return this.commands.execute(
      new DecideCommand(retaliationDecider, retaliationStreamId(data.incidentId), { type: 'AssessRetaliation', data, context: commandContext() }, write),
    );
  }
}
