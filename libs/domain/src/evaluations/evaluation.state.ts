import type { EvaluationEvent } from './evaluation.events';

/** What the rules need of a plan: when it was issued, its latest entry, and whether it is closed. */
export type PlanState = Readonly<{ issuedAt: string; lastAt: string; closed: boolean }>;

export type EvaluationState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{ status: 'evaluated'; evaluationId: string; unitId: string; evaluatedAt: string; plan?: PlanState }>;

export const initialEvaluationState = (): EvaluationState => ({ status: 'unknown' });

const withPlan = (state: EvaluationState, plan: (current: PlanState | undefined) => PlanState): EvaluationState =>
  state.status === 'unknown' ? state : { ...state, plan: plan(state.plan) };

export const evolveEvaluation = (state: EvaluationState, event: EvaluationEvent): EvaluationState => {
  switch (event.type) {
    case 'UnitEvaluated':
      return { status: 'evaluated', evaluationId: event.data.evaluationId, unitId: event.data.unitId, evaluatedAt: event.data.evaluatedAt };
    case 'ImprovementPlanIssued':
      return withPlan(state, () => ({ issuedAt: event.data.issuedAt, lastAt: event.data.issuedAt, closed: false }));
    case 'ImprovementMeasureTaken':
      return withPlan(state, (plan) => ({ issuedAt: plan?.issuedAt ?? event.data.takenAt, lastAt: event.data.takenAt, closed: false }));
    case 'ImprovementPlanClosed':
      return withPlan(state, (plan) => ({ issuedAt: plan?.issuedAt ?? event.data.closedAt, lastAt: event.data.closedAt, closed: true }));
  }
};
