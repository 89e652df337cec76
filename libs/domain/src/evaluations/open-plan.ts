import { conflict, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { EvaluationState, PlanState } from './evaluation.state';

/** A follow-up needs an open plan, and comes after everything already entered in it. */
export const openPlan = (state: EvaluationState, evaluationId: string, at: string, field: string, now: string): PlanState => {
  if (state.status === 'unknown') throw notFound(`evaluation ${evaluationId}`);
  if (!state.plan) throw conflict(`evaluation ${evaluationId} has no improvement plan`);
  if (state.plan.closed) throw conflict(`the improvement plan of evaluation ${evaluationId} is closed`);
  assertNotInFuture(at, now, field);
  assertNotBefore(at, state.plan.lastAt, field, "the plan's latest entry");
  return state.plan;
};
