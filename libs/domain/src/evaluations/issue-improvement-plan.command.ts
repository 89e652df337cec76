import type { Command } from '../shared/domain-event';
import { conflict, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { ImprovementPlanIssued, ShortfallArea } from './evaluation.events';
import type { EvaluationState } from './evaluation.state';
import { assertAreas } from './evaluation-rules';

export type IssueImprovementPlanData = Omit<ImprovementPlanIssued['data'], 'unitId' | 'areas'> & Readonly<{ areas?: readonly ShortfallArea[] }>;
export type IssueImprovementPlan = Command<'IssueImprovementPlan', IssueImprovementPlanData>;

/**
 * A plan lives in its evaluation's stream, so it belongs to a unit that was evaluated: the
 * unit is the evaluation's, never the caller's word. Any rating may get one (the letter:
 * 17 plans for 8 units below satisfactory), one per evaluation.
 */
export const issueImprovementPlan = ({ data, context }: IssueImprovementPlan, state: EvaluationState): [ImprovementPlanIssued] => {
  if (state.status === 'unknown') throw notFound(`evaluation ${data.evaluationId}`);
  if (state.plan) throw conflict(`evaluation ${data.evaluationId} already has an improvement plan`);
  const areas = assertAreas(data.areas ?? [], 'areas');
  assertNotInFuture(data.issuedAt, context.now, 'issuedAt');
  assertNotBefore(data.issuedAt, state.evaluatedAt, 'issuedAt', 'the evaluation');
  const { note } = data;
  return [
    {
      type: 'ImprovementPlanIssued',
      occurredAt: data.issuedAt,
      data: { evaluationId: data.evaluationId, unitId: state.unitId, issuedAt: data.issuedAt, areas, ...(note !== undefined && { note }) },
    },
  ];
};
