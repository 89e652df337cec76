import { CAVEAT_KINDS, CAVEAT_OUTCOMES, type CaveatKind, type CaveatOutcome } from '@poc/domain';
import type { CaveatView } from './caveats.projection';

/**
 * Caveats raised from..to (inclusive ISO times; absent = unbounded), settled or not at `to`;
 * `asOf` (an ISO time; absent = everything) leaves out what was recorded after it.
 */
export type CaveatWindow = Readonly<{ from?: string; to?: string; asOf?: string }>;

export type ContingentCaveats = Readonly<{ contingent: string; raised: number; undeclared: number }>;

export type CaveatSummary = Readonly<{
  from: string | null;
  to: string | null;
  asOf: string | null;
  raised: number;
  declared: number;
  /** The letter's figure: caveats not declared beforehand (none since January 2020). */
  undeclared: number;
  byKind: Readonly<Record<CaveatKind, number>>;
  /** Settled by `to`; the rest are open. */
  settled: number;
  open: number;
  byOutcome: Readonly<Record<CaveatOutcome, number>>;
  byContingent: readonly ContingentCaveats[];
}>;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Happened by `to` and known by `asOf`. */
const by = (at: string, recordedAt: string, { to, asOf }: CaveatWindow): boolean => (to === undefined || at <= to) && (asOf === undefined || recordedAt <= asOf);

const inWindow = (doc: CaveatView, window: CaveatWindow): boolean => (window.from === undefined || doc.raisedAt >= window.from) && by(doc.raisedAt, doc.recordedAt, window);

const byName = (a: ContingentCaveats, b: ContingentCaveats): number => (a.contingent < b.contingent ? -1 : a.contingent > b.contingent ? 1 : 0);

/** Pure, from the caveats read model's documents: GET /caveats/summary and the period report call it. */
export const caveatSummary = (docs: readonly CaveatView[], window: CaveatWindow): CaveatSummary => {
  const raised = docs.filter((doc) => inWindow(doc, window));
  const byKind = zeros(CAVEAT_KINDS);
  const byOutcome = zeros(CAVEAT_OUTCOMES);
  const contingents = new Map<string, { raised: number; undeclared: number }>();
  let settled = 0;
  for (const doc of raised) {
    byKind[doc.kind] += 1;
    if (doc.settled && by(doc.settled.settledAt, doc.settled.recordedAt, window)) {
      settled += 1;
      byOutcome[doc.settled.outcome] += 1;
    }
    const counts = contingents.get(doc.contingent) ?? { raised: 0, undeclared: 0 };
    contingents.set(doc.contingent, { raised: counts.raised + 1, undeclared: counts.undeclared + (doc.declared ? 0 : 1) });
  }
  const undeclared = raised.filter((doc) => !doc.declared).length;
  return {
    from: window.from ?? null,
    to: window.to ?? null,
    asOf: window.asOf ?? null,
    raised: raised.length,
    declared: raised.length - undeclared,
    undeclared,
    byKind,
    settled,
    open: raised.length - settled,
    byOutcome,
    byContingent: [...contingents].map(([contingent, counts]) => ({ contingent, ...counts })).sort(byName),
  };
};
