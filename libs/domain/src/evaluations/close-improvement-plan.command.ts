import type { Command } from '../shared/domain-event';
import type { ImprovementPlanClosed } from './evaluation.events';
import type { EvaluationState } from './evaluation.state';
import { openPlan } from './open-plan';

export type CloseImprovementPlan = Command<'CloseImprovementPlan', ImprovementPlanClosed['data']>;

export const closeImprovementPlan = ({ data, context }: CloseImprovementPlan, state: EvaluationState): [ImprovementPlanClosed] => {
  openPlan(state, data.evaluationId, data.closedAt, 'closedAt', context.now);
  const { note } = data;
  return [{ type: 'ImprovementPlanClosed', occurredAt: data.closedAt, data: { evaluationId: data.evaluationId, closedAt: data.closedAt, ...(note !== undefined && { note }) } }];
};
