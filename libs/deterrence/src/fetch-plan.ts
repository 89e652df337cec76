import { dayNumber, dayString } from './days';
import { BASELINE_DAYS, DEFAULT_RADIUS_KM, RETALIATION_DAYS, STANDARD_VICINITIES, type Vicinity } from './methodology';
import { coverOfDisks, type CellCover } from './cell-cover';
import { type Episode } from '@poc/projections';

/**
 * What the caller must fetch, through its indexes, for computeDeterrence to be exact for a
 * set of (focal) episodes:
 * - incidents whose H3 cell is in `cover` — the resolution-7 cells of every episode's disk of
 *   `radiusKm` (cellsWithin), written by resolution-5 parent (cell-cover.ts) — and whose
 *   occurred day is within `incidentDays` (any status: the engine reads status and recordedAt
 *   itself); plus, for the cercle-level
 *   totals, region-precise incidents (geo precision 3) of `cercles` in the same days;
 * - every presence episode that overlaps `presenceDays` (arrived by its end, departed after
 *   its start or still under way): other presences censor and take incidents.
 */
export type FetchPlan = Readonly<{
  radiusKm: number;
  cover: CellCover;
  incidentDays: Readonly<{ from: string; to: string }>;
  presenceDays: Readonly<{ from: string; to: string }>;
  cercles: readonly string[];
}>;

export type FetchPlanOptions = Readonly<{
  radiusKm?: number;
  vicinities?: readonly Vicinity[];
  /** Where episodes still under way end their search: the query's asOf (default: their arrival). */
  asOf?: string;
}>;

export const fetchPlan = (episodes: readonly Episode[], options: FetchPlanOptions = {}): FetchPlan => {
  const radiusKm = Math.max(options.radiusKm ?? DEFAULT_RADIUS_KM, ...(options.vicinities ?? STANDARD_VICINITIES).map((v) => v.outerKm));
  if (episodes.length === 0) {
    return { radiusKm, cover: { parents: [], partial: new Map() }, incidentDays: { from: '', to: '' }, presenceDays: { from: '', to: '' }, cercles: [] };
  }
  let from = Infinity;
  let to = -Infinity;
  for (const e of episodes) {
    from = Math.min(from, dayNumber(e.arrivedAt) - BASELINE_DAYS);
    const end = e.departedAt ?? options.asOf ?? e.arrivedAt;
    to = Math.max(to, dayNumber(end) + RETALIATION_DAYS.base);
  }
  const cercles = [...new Set(episodes.flatMap((e) => (e.cercle !== undefined ? [e.cercle] : [])))].sort();
  return {
    radiusKm,
    cover: coverOfDisks(episodes.map((e) => e.point), radiusKm),
    incidentDays: { from: dayString(from), to: dayString(to) },
    presenceDays: { from: dayString(from - RETALIATION_DAYS.base), to: dayString(to) },
    cercles,
  };
};
