import { JUDICIAL_CASE_CATEGORIES, JUDICIAL_CASE_STATUSES, type JudicialCaseCategory, type JudicialCaseStatus } from '@poc/domain';
import type { CaseCountEntry, JudicialCaseView } from './judicial-cases.projection';

export type PeopleTotals = Readonly<{ total: number; crimesAgainstPeacekeepers: number }>;

/** The judicial unit's figures on a day, as the store knew them at `asOf`. */
export type JudicialSummary = Readonly<{
  /** The day (YYYY-MM-DD): every fact up to its end counts. */
  on: string;
  asOf: string;
  /** Cases opened by `on`. */
  cases: number;
  byStatus: Readonly<Record<JudicialCaseStatus, number>>;
  underInvestigation: Readonly<{ total: number; byCategory: Readonly<Record<JudicialCaseCategory, number>> }>;
  detained: PeopleTotals;
  convicted: PeopleTotals;
}>;

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

const known = (fact: { at: string; recordedAt: string }, until: number, asOf: number): boolean => Date.parse(fact.at) <= until && Date.parse(fact.recordedAt) <= asOf;

const sum = (entries: readonly CaseCountEntry[]): PeopleTotals => ({
  total: entries.reduce((n, e) => n + e.people, 0),
  crimesAgainstPeacekeepers: entries.reduce((n, e) => n + (e.crimesAgainstPeacekeepers ? e.people : 0), 0),
});

/**
 * Pure: from the case documents, each case's status at the end of `on` (its last change by
 * then, else under investigation), and the people detained and convicted by then — counting
 * only what had been recorded by `asOf`. The letter's "618 cases under investigation" are
 * the cases opened by 20 May 2020 whose status that day was under investigation.
 */
export const judicialSummary = (cases: readonly JudicialCaseView[], on: string, asOf: string): JudicialSummary => {
  const until = Date.parse(`${on}T23:59:59.999Z`);
  const asOfMs = Date.parse(asOf);
  const byStatus = zeros(JUDICIAL_CASE_STATUSES);
  const byCategory = zeros(JUDICIAL_CASE_CATEGORIES);
  const detentions: CaseCountEntry[] = [];
  const convictions: CaseCountEntry[] = [];
  let count = 0;
  for (const c of cases) {
    if (!known({ at: c.openedAt, recordedAt: c.recordedAt }, until, asOfMs)) continue;
    count++;
    const status = c.statuses.filter((s) => known(s, until, asOfMs)).at(-1)?.status ?? 'under-investigation';
    byStatus[status]++;
    if (status === 'under-investigation') byCategory[c.category]++;
    detentions.push(...c.detentions.filter((d) => known(d, until, asOfMs)));
    convictions.push(...c.convictions.filter((d) => known(d, until, asOfMs)));
  }
  return { on, asOf, cases: count, byStatus, underInvestigation: { total: byStatus['under-investigation'], byCategory }, detained: sum(detentions), convicted: sum(convictions) };
};
