import { EVALUATION_RATINGS, SHORTFALL_AREAS, type EvaluationRating, type ShortfallArea, type UnitKind } from '@poc/domain';
import type { EvaluationView } from './evaluations.projection';

/**
 * The figures of a period's evaluations, from the evaluations read model's documents. Pure:
 * GET /evaluations/summary and the period report call it on the documents of the period.
 */

/** Evaluations made from..to (inclusive ISO times; absent = unbounded), as known on asOf (world time). */
export type EvaluationWindow = Readonly<{ from?: string; to?: string; asOf: string }>;

export type PlanFigures = Readonly<{
  /** Plans issued by asOf on the period's evaluations. */
  issued: number;
  /** Units that received at least one of them. */
  unitsWithPlans: number;
  /** Issued by asOf and not closed by then. */
  open: number;
  closed: number;
  /** Measures entered by asOf in those plans. */
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
  from?: string;
  to?: string;
  asOf: string;
  military: UnitKindFigures;
  formedPolice: UnitKindFigures;
}>;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const inWindow = (doc: EvaluationView, { from, to, asOf }: EvaluationWindow): boolean =>
  (from === undefined || doc.evaluatedAt >= from) && (to === undefined || doc.evaluatedAt <= to) && doc.evaluatedAt <= asOf;

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

/** The plans of these evaluations as they stood on asOf. */
export const planFigures = (docs: readonly EvaluationView[], asOf: string): PlanFigures => {
  const issued = docs.filter((doc) => doc.plan && doc.plan.issuedAt <= asOf);
  const closed = issued.filter((doc) => doc.plan!.closedAt !== undefined && doc.plan!.closedAt <= asOf).length;
  return {
    issued: issued.length,
    unitsWithPlans: new Set(issued.map((doc) => doc.unitId)).size,
    open: issued.length - closed,
    closed,
    measuresTaken: issued.reduce((n, doc) => n + doc.plan!.measures.filter((m) => m.takenAt <= asOf).length, 0),
  };
};

export const unitKindFigures = (docs: readonly EvaluationView[], asOf: string): UnitKindFigures => {
  const latest = latestByUnit(docs);
  const byRating = zeros(EVALUATION_RATINGS);
  const shortfallAreas = zeros(SHORTFALL_AREAS);
  for (const doc of latest) {
    byRating[doc.rating] += 1;
    for (const area of doc.shortfallAreas) shortfallAreas[area] += 1;
  }
  return { evaluations: docs.length, unitsEvaluated: latest.length, byRating, shortfallAreas, plans: planFigures(docs, asOf) };
};

/** The period's figures, military units and formed police units apart (the letter reports them so). */
export const evaluationSummary = (docs: readonly EvaluationView[], window: EvaluationWindow): EvaluationSummary => {
  const period = docs.filter((doc) => inWindow(doc, window));
  const ofKind = (kind: UnitKind) => unitKindFigures(period.filter((doc) => doc.unitKind === kind), window.asOf);
  return {
    ...(window.from !== undefined && { from: window.from }),
    ...(window.to !== undefined && { to: window.to }),
    asOf: window.asOf,
    military: ofKind('military'),
    formedPolice: ofKind('formed-police'),
  };
};
