import { EVALUATION_RATINGS, SHORTFALL_AREAS, type EvaluationRating, type ShortfallArea, type UnitKind } from '@poc/domain';
import type { EvaluationView } from './evaluations.projection';

/**
 * The figures of a period's evaluations, from the evaluations read model's documents. Pure:
 * GET /evaluations/summary and the period report call it on the documents of the period.
 */

/**
 * Evaluations made from..to (inclusive ISO times; absent = unbounded); plans as they stood at
 * `to`. `asOf` (an ISO time; absent = everything) leaves out what was recorded after it, so a
 * figure given on a date can be given again.
 */
export type EvaluationWindow = Readonly<{ from?: string; to?: string; asOf?: string }>;

export type PlanFigures = Readonly<{
  /** Plans issued by `to` on the period's evaluations. */
  issued: number;
  /** Units that received at least one of them. */
  unitsWithPlans: number;
  /** Not closed by `to`. */
  open: number;
  closed: number;
  /** Measures taken by `to` in those plans. */
  measuresTaken: number;
}>;

export type UnitKindFigures = Readonly<{
  evaluations: number;
  unitsEvaluated: number;
  /** Each unit counted once, by its latest evaluation in the period (a unit evaluated twice has one rating). */
  byRating: Readonly<Record<EvaluationRating, number>>;
  /** Units whose latest evaluation names the area. */
  shortfallAreas: Readonly<Record<ShortfallArea, number>>;
  plans: PlanFigures;
}>;

export type EvaluationSummary = Readonly<{
  from: string | null;
  to: string | null;
  asOf: string | null;
  military: UnitKindFigures;
  formedPolice: UnitKindFigures;
}>;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Happened by `to` and known by `asOf`. */
const by = (at: string, recordedAt: string, { to, asOf }: EvaluationWindow): boolean => (to === undefined || at <= to) && (asOf === undefined || recordedAt <= asOf);

const inWindow = (doc: EvaluationView, window: EvaluationWindow): boolean =>
  (window.from === undefined || doc.evaluatedAt >= window.from) && by(doc.evaluatedAt, doc.recordedAt, window);

const later = (a: EvaluationView, b: EvaluationView): boolean =>
  a.evaluatedAt > b.evaluatedAt || (a.evaluatedAt === b.evaluatedAt && a.evaluationId > b.evaluationId);

/** Each unit's latest evaluation among these. */
export const latestByUnit = (docs: readonly EvaluationView[]): EvaluationView[] => {
  const latest = new Map<string, EvaluationView>();
  for (const doc of docs) {
    const seen = latest.get(doc.unitId);
    if (!seen || later(doc, seen)) latest.set(doc.unitId, doc);
  }
  return [...latest.values()];
};

/** The plans of these evaluations as they stood at `to`, as known at `asOf`. */
export const planFigures = (docs: readonly EvaluationView[], window: EvaluationWindow): PlanFigures => {
  const plans = docs.flatMap((doc) => (doc.plan && by(doc.plan.issuedAt, doc.plan.recordedAt, window) ? [{ unitId: doc.unitId, plan: doc.plan }] : []));
  const closed = plans.filter(({ plan }) => plan.closing && by(plan.closing.closedAt, plan.closing.recordedAt, window)).length;
  return {
    issued: plans.length,
    unitsWithPlans: new Set(plans.map((p) => p.unitId)).size,
    open: plans.length - closed,
    closed,
    measuresTaken: plans.reduce((n, { plan }) => n + plan.measures.filter((m) => by(m.takenAt, m.recordedAt, window)).length, 0),
  };
};

/** One kind's figures from its evaluations in the window. */
export const unitKindFigures = (docs: readonly EvaluationView[], window: EvaluationWindow): UnitKindFigures => {
  const latest = latestByUnit(docs);
  const byRating = zeros(EVALUATION_RATINGS);
  const shortfallAreas = zeros(SHORTFALL_AREAS);
  for (const doc of latest) {
    byRating[doc.rating] += 1;
    for (const area of doc.shortfallAreas) shortfallAreas[area] += 1;
  }
  return { evaluations: docs.length, unitsEvaluated: latest.length, byRating, shortfallAreas, plans: planFigures(docs, window) };
};

/** The period's figures, military units and formed police units apart (the letter reports them so). */
export const evaluationSummary = (docs: readonly EvaluationView[], window: EvaluationWindow): EvaluationSummary => {
  const period = docs.filter((doc) => inWindow(doc, window));
  const ofKind = (kind: UnitKind) => unitKindFigures(period.filter((doc) => doc.unitKind === kind), window);
  return {
    from: window.from ?? null,
    to: window.to ?? null,
    asOf: window.asOf ?? null,
    military: ofKind('military'),
    formedPolice: ofKind('formed-police'),
  };
};
