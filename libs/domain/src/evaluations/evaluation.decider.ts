import type { Decider } from '../shared/domain-event';
import { closeImprovementPlan, type CloseImprovementPlan } from './close-improvement-plan.command';
import { evaluateUnit, type EvaluateUnit } from './evaluate-unit.command';
import type { EvaluationEvent } from './evaluation.events';
import { evolveEvaluation, initialEvaluationState, type EvaluationState } from './evaluation.state';
import { issueImprovementPlan, type IssueImprovementPlan } from './issue-improvement-plan.command';
import { recordImprovementMeasure, type RecordImprovementMeasure } from './record-improvement-measure.command';

export type EvaluationCommand = EvaluateUnit | IssueImprovementPlan | RecordImprovementMeasure | CloseImprovementPlan;

/** One stream per evaluation; its improvement plan and the plan's follow-up live in it too. */
export const evaluationStreamId = (evaluationId: string): string => `evaluation-${evaluationId}`;

export const evaluationDecider: Decider<EvaluationState, EvaluationCommand, EvaluationEvent> = {
  initialState: initialEvaluationState,
  evolve: evolveEvaluation,
  decide: (command, state) => {
    switch (command.type) {
      case 'EvaluateUnit':
        return evaluateUnit(command, state);
      case 'IssueImprovementPlan':
        return issueImprovementPlan(command, state);
      case 'RecordImprovementMeasure':
        return recordImprovementMeasure(command, state);
      case 'CloseImprovementPlan':
        return closeImprovementPlan(command, state);
    }
  },
};
