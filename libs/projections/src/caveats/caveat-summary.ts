import { CAVEAT_KINDS, CAVEAT_OUTCOMES, type CaveatKind, type CaveatOutcome } from '@poc/domain';
import type { CaveatView } from './caveats.projection';

/** Caveats raised from..to (inclusive ISO times; absent = unbounded), as known on asOf (world time). */
export type CaveatWindow = Readonly<{ from?: string; to?: string; asOf: string }>;

export type ContingentCaveats = Readonly<{ contingent: string; raised: number; undeclared: number }>;

export type CaveatSummary = Readonly<{
  from?: string;
  to?: string;
  asOf: string;
  raised: number;
  declared: number;
  /** The letter's figure: caveats not declared beforehand (none since January 2020). */
  undeclared: number;
  byKind: Readonly<Record<CaveatKind, number>>;
  /** Settled by asOf; the rest are open. */
  settled: number;
  open: number;
  byOutcome: Readonly<Record<CaveatOutcome, number>>;
  byContingent: readonly ContingentCaveats[];
}>;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const inWindow = (doc: CaveatView, { from, to, asOf }: CaveatWindow): boolean =>
  (from === undefined || doc.raisedAt >= from) && (to === undefined || doc.raisedAt <= to) && doc.raisedAt <= asOf;

/** Pure, from the caveats read model's documents: GET /caveats/summary and the period report call it. */
export const caveatSummary = (docs: readonly CaveatView[], window: CaveatWindow): CaveatSummary => {
  const raised = docs.filter((doc) => inWindow(doc, window));
  const byKind = zeros(CAVEAT_KINDS);
  const byOutcome = zeros(CAVEAT_OUTCOMES);
  const contingents = new Map<string, { raised: number; undeclared: number }>();
  let settled = 0;
  for (const doc of raised) {
    byKind[doc.kind] += 1;
    if (doc.settled && doc.settled.settledAt <= window.asOf) {
      settled += 1;
      byOutcome[doc.settled.outcome] += 1;
    }
    const counts = contingents.get(doc.contingent) ?? { raised: 0, undeclared: 0 };
    contingents.set(doc.contingent, { raised: counts.raised + 1, undeclared: counts.undeclared + (doc.declared ? 0 : 1) });
  }
  const undeclared = raised.filter((doc) => !doc.declared).length;
  return {
    ...(window.from !== undefined && { from: window.from }),
    ...(window.to !== undefined && { to: window.to }),
    asOf: window.asOf,
    raised: raised.length,
    declared: raised.length - undeclared,
    undeclared,
    byKind,
    settled,
    open: raised.length - settled,
    byOutcome,
    byContingent: [...contingents].map(([contingent, counts]) => ({ contingent, ...counts })).sort((a, b) => (a.contingent < b.contingent ? -1 : a.contingent > b.contingent ? 1 : 0)),
  };
};
