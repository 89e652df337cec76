import type {
  EvaluationEvent,
  EvaluationPeriod,
  EvaluationRating,
  ImprovementPlanIssued,
  ShortfallArea,
  Stored,
  StoredEvent,
  UnitEvaluated,
  UnitKind,
} from '@poc/domain';
import type { Projection } from '../projection';

// Each fact keeps when it was recorded beside when it happened, so the figures can be
// given as known on a date (`asOf`), as the other read models give them.

export type ImprovementMeasureView = Readonly<{ takenAt: string; measure: string; recordedAt: string }>;

export type PlanClosingView = Readonly<{ closedAt: string; recordedAt: string; note?: string }>;

export type ImprovementPlanView = Readonly<{
  status: 'open' | 'closed';
  issuedAt: string;
  recordedAt: string;
  areas: readonly ShortfallArea[];
  note?: string;
  measures: readonly ImprovementMeasureView[];
  closing?: PlanClosingView;
}>;

/** One evaluation of a unit, with the improvement plan issued on it and the plan's follow-up. */
export type EvaluationView = Readonly<{
  evaluationId: string;
  unitId: string;
  unitKind: UnitKind;
  unitName?: string;
  contingent?: string;
  period: EvaluationPeriod;
  evaluatedAt: string;
  rating: EvaluationRating;
  shortfallAreas: readonly ShortfallArea[];
  recordedAt: string;
  plan?: ImprovementPlanView;
}>;

const evaluated = (data: UnitEvaluated['data'], recordedAt: string): EvaluationView => ({ ...data, recordedAt });

const planOf = ({ issuedAt, areas, note }: ImprovementPlanIssued['data'], recordedAt: string): ImprovementPlanView => ({
  status: 'open',
  issuedAt,
  recordedAt,
  areas,
  ...(note !== undefined && { note }),
  measures: [],
});

const withPlan = (doc: EvaluationView | undefined, change: (plan: ImprovementPlanView) => ImprovementPlanView): EvaluationView | undefined =>
  doc?.plan ? { ...doc, plan: change(doc.plan) } : doc;

const evolve = (doc: EvaluationView | undefined, stored: StoredEvent): EvaluationView | undefined => {
  // The runner passes only the types in `handles`; they come in their stream's order.
  const event = stored as Stored<EvaluationEvent>;
  switch (event.type) {
    case 'UnitEvaluated':
      return evaluated(event.data, event.recordedAt);
    case 'ImprovementPlanIssued':
      return doc && { ...doc, plan: planOf(event.data, event.recordedAt) };
    case 'ImprovementMeasureTaken': {
      const { takenAt, measure } = event.data;
      return withPlan(doc, (plan) => ({ ...plan, measures: [...plan.measures, { takenAt, measure, recordedAt: event.recordedAt }] }));
    }
    case 'ImprovementPlanClosed': {
      const { closedAt, note } = event.data;
      const closing = { closedAt, recordedAt: event.recordedAt, ...(note !== undefined && { note }) };
      return withPlan(doc, (plan) => ({ ...plan, status: 'closed', closing }));
    }
    default:
      return doc;
  }
};

export const evaluationsProjection: Projection<EvaluationView> = {
  name: 'evaluations',
  version: 1,
  collection: {
    name: 'evaluations',
    columns: { unit_id: 'text', unit_kind: 'text', rating: 'text', evaluated_at: 'text', plan_status: 'text' },
    indexes: [['evaluated_at'], ['unit_id', 'evaluated_at']],
  },
  handles: ['UnitEvaluated', 'ImprovementPlanIssued', 'ImprovementMeasureTaken', 'ImprovementPlanClosed'],
  keysOf: (event) => [(event as Stored<EvaluationEvent>).data.evaluationId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    unit_id: view.unitId,
    unit_kind: view.unitKind,
    rating: view.rating,
    evaluated_at: view.evaluatedAt,
    plan_status: view.plan?.status ?? 'none',
  }),
};
