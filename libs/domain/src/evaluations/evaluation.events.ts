import type { DomainEvent } from '../shared/domain-event';

/** Military units (battalions, companies) and formed police units are evaluated apart. */
export const UNIT_KINDS = ['military', 'formed-police'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Best first. The two below `satisfactory` are the ones that name shortfall areas. */
export const EVALUATION_RATINGS = ['excellent', 'satisfactory', 'shortfalls', 'needs-improvement'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

export const BELOW_SATISFACTORY: readonly EvaluationRating[] = ['shortfalls', 'needs-improvement'];

export const SHORTFALL_AREAS = [
  'mandate-knowledge',
  'training',
  'command-and-control',
  'equipment',
  'self-sustainment',
  'protection-of-civilians',
  'conduct-and-discipline',
  'medical-support',
] as const;
export type ShortfallArea = (typeof SHORTFALL_AREAS)[number];

/** The days an evaluation covers, both inclusive (YYYY-MM-DD). */
export type EvaluationPeriod = Readonly<{ from: string; to: string }>;

export type UnitEvaluated = DomainEvent<
  'UnitEvaluated',
  Readonly<{
    evaluationId: string;
    unitId: string;
    unitKind: UnitKind;
    period: EvaluationPeriod;
    evaluatedAt: string;
    rating: EvaluationRating;
    /** Empty unless the rating is below satisfactory. */
    shortfallAreas: readonly ShortfallArea[];
    unitName?: string;
    contingent?: string;
  }>
>;

/** Issued to the evaluated unit, in its evaluation's stream: a plan cannot exist without one. */
export type ImprovementPlanIssued = DomainEvent<
  'ImprovementPlanIssued',
  Readonly<{ evaluationId: string; unitId: string; issuedAt: string; areas: readonly ShortfallArea[]; note?: string }>
>;

export type ImprovementMeasureTaken = DomainEvent<'ImprovementMeasureTaken', Readonly<{ evaluationId: string; takenAt: string; measure: string }>>;

export type ImprovementPlanClosed = DomainEvent<'ImprovementPlanClosed', Readonly<{ evaluationId: string; closedAt: string; note?: string }>>;

export type EvaluationEvent = UnitEvaluated | ImprovementPlanIssued | ImprovementMeasureTaken | ImprovementPlanClosed;
