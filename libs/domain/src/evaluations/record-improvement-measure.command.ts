import type { Command } from '../shared/domain-event';
import type { ImprovementMeasureTaken } from './evaluation.events';
import type { EvaluationState } from './evaluation.state';
import { assertText } from './evaluation-rules';
import { openPlan } from './open-plan';

export type RecordImprovementMeasure = Command<'RecordImprovementMeasure', ImprovementMeasureTaken['data']>;

/** A closed plan takes no more measures. */
export const recordImprovementMeasure = ({ data, context }: RecordImprovementMeasure, state: EvaluationState): [ImprovementMeasureTaken] => {
  openPlan(state, data.evaluationId, data.takenAt, 'takenAt', context.now);
  assertText(data.measure, 'measure');
  return [{ type: 'ImprovementMeasureTaken', occurredAt: data.takenAt, data: { evaluationId: data.evaluationId, takenAt: data.takenAt, measure: data.measure } }];
};
