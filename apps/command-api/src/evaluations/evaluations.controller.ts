import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { evaluationDecider, evaluationStreamId, type EvaluationCommand } from '@poc/domain';
import { commandContext } from '../shared/command-context';
import { DecideCommand } from '../shared/decide.command';
import { ApiIdParam, IdPipe } from '../shared/id.pipe';
import { toUtc } from '../shared/validators';
import { CreatedDto, WriteResultDto } from '../shared/write-result.dto';
import { CloseImprovementPlanDto } from './close-improvement-plan.dto';
import { EvaluateUnitDto } from './evaluate-unit.dto';
import { IssueImprovementPlanDto } from './issue-improvement-plan.dto';
import { RecordImprovementMeasureDto } from './record-improvement-measure.dto';
import { Roles } from '@poc/platform/auth';
import { Write, type WriteContext } from '@poc/platform/http';

/**
 * Evaluations of military and formed police units. Each is a stream of its own; the
 * improvement plan issued on it, its measures and its closing are written to the same
 * stream, so a plan exists only for a unit that was evaluated (404 otherwise).
 */
@ApiTags('evaluations')
@ApiBearerAuth()
@Controller('evaluations')
export class EvaluationsController {
  constructor(private readonly commands: CommandBus) {}

  private decide(evaluationId: string, command: EvaluationCommand, write: WriteContext, newStream = false) {
    return this.commands.execute(new DecideCommand(evaluationDecider, evaluationStreamId(evaluationId), command, write, newStream));
  }

  @Post()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'id: the evaluation' })
  @ApiUnprocessableEntityResponse({ description: 'shortfall areas with a rating of excellent or satisfactory, none with shortfalls, or a formed police unit evaluated over other than one calendar quarter' })
  evaluate(@Body() body: EvaluateUnitDto, @Write() write: WriteContext) {
    const evaluationId = randomUUID();
    const data = { ...body, evaluationId, evaluatedAt: toUtc(body.evaluatedAt), period: { from: body.period.from, to: body.period.to } };
    return this.decide(evaluationId, { type: 'EvaluateUnit', data, context: commandContext() }, write, true);
  }

  // 201: the plan is a thing of its own from now on, followed up by measures and a closing.
  @Post(':id/improvement-plan')
  @ApiIdParam()
  @Roles('ops')
  @ApiCreatedResponse({ type: CreatedDto, description: 'id: the evaluation the plan was issued on' })
  @ApiNotFoundResponse({ description: 'no such evaluation: a plan is issued to an evaluated unit' })
  @ApiConflictResponse({ description: 'the evaluation already has an improvement plan' })
  issuePlan(@Param('id', IdPipe) evaluationId: string, @Body() body: IssueImprovementPlanDto, @Write() write: WriteContext) {
    return this.decide(evaluationId, { type: 'IssueImprovementPlan', data: { ...body, evaluationId, issuedAt: toUtc(body.issuedAt) }, context: commandContext() }, write);
  }

  @Post(':id/improvement-plan/measures')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no such evaluation' })
  @ApiConflictResponse({ description: 'no improvement plan was issued, or it is closed: a closed plan takes no more measures' })
  recordMeasure(@Param('id', IdPipe) evaluationId: string, @Body() body: RecordImprovementMeasureDto, @Write() write: WriteContext) {
    return this.decide(evaluationId, { type: 'RecordImprovementMeasure', data: { ...body, evaluationId, takenAt: toUtc(body.takenAt) }, context: commandContext() }, write);
  }

  @Post(':id/improvement-plan/close')
  @ApiIdParam()
  @HttpCode(200)
  @Roles('ops')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiNotFoundResponse({ description: 'no such evaluation' })
  @ApiConflictResponse({ description: 'no improvement plan was issued, or it is already closed' })
  closePlan(@Param('id', IdPipe) evaluationId: string, @Body() body: CloseImprovementPlanDto, @Write() write: WriteContext) {
    return this.decide(evaluationId, { type: 'CloseImprovementPlan', data: { ...body, evaluationId, closedAt: toUtc(body.closedAt) }, context: commandContext() }, write);
  }
}
