import type { ReturnView } from './returns.projection';

export type CommuneReturns = Readonly<{
  region: string;
  cercle: string;
  commune: string;
  /** People helped back to the commune in the range. */
  people: number;
  /** Assisted returns recorded (operations), each of any size. */
  returns: number;
  firstReturnedAt: string;
  lastReturnedAt: string;
}>;

export type ReturnsReport = Readonly<{ from: string | null; to: string | null; people: number; returns: number; communes: readonly CommuneReturns[] }>;

export type ReturnsRange = Readonly<{ from?: string; to?: string; asOf?: string }>;

const inRange = (r: ReturnView, range: ReturnsRange): boolean =>
  (range.from === undefined || r.returnedAt >= range.from) && (range.to === undefined || r.returnedAt <= range.to) && (range.asOf === undefined || Date.parse(r.recordedAt) <= Date.parse(range.asOf));

/**
 * Pure: the people helped back per commune (with its cercle and region) whose return fell in
 * from..to (inclusive ISO times), counting what had been recorded by asOf; most people first.
 * A commune is its region, cercle and name together: two Communes named alike in different
 * cercles stay apart. The letter's "3,120 to Femaye, Djenné cercle" is one such row.
 */
export const returnsByCommune = (returns: readonly ReturnView[], range: ReturnsRange = {}): ReturnsReport => {
  const rows = new Map<string, CommuneReturns>();
  for (const r of returns.filter((x) => inRange(x, range))) {
    const key = JSON.stringify([r.region, r.cercle, r.commune]);
    const row = rows.get(key);
    rows.set(
      key,
      row
        ? { ...row, people: row.people + r.people, returns: row.returns + 1, firstReturnedAt: r.returnedAt < row.firstReturnedAt ? r.returnedAt : row.firstReturnedAt, lastReturnedAt: r.returnedAt > row.lastReturnedAt ? r.returnedAt : row.lastReturnedAt }
        : { region: r.region, cercle: r.cercle, commune: r.commune, people: r.people, returns: 1, firstReturnedAt: r.returnedAt, lastReturnedAt: r.returnedAt },
    );
  }
  const communes = [...rows.values()].sort((a, b) => b.people - a.people || a.region.localeCompare(b.region) || a.cercle.localeCompare(b.cercle) || a.commune.localeCompare(b.commune));
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    people: communes.reduce((n, c) => n + c.people, 0),
    returns: communes.reduce((n, c) => n + c.returns, 0),
    communes,
  };
};
