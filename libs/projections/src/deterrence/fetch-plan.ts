import { dayNumber, dayString } from './days';
import type { Episode } from './episodes';
import { BASELINE_DAYS, DEFAULT_RADIUS_KM, RETALIATION_DAYS, STANDARD_VICINITIES, type Vicinity } from './methodology';
import { cellsWithin } from './vicinity';

/**
 * What the caller must fetch, through its indexes, for computeDeterrence to be exact for a
 * set of (focal) episodes:
 * - incidents whose H3 cell is in `cells` and whose occurred day is within `incidentDays`
 *   (any status: the engine reads status and recordedAt itself); plus, for the cercle-level
 *   totals, region-precise incidents (geo precision 3) of `cercles` in the same days;
 * - every presence episode that overlaps `presenceDays` (arrived by its end, departed after
 *   its start or still under way): other presences censor and take incidents.
 */
export type FetchPlan = Readonly<{
  radiusKm: number;
  cells: readonly string[];
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
    return { radiusKm, cells: [], incidentDays: { from: '', to: '' }, presenceDays: { from: '', to: '' }, cercles: [] };
  }
  const cells = new Set<string>();
  const disks = new Set<string>();
  let from = Infinity;
  let to = -Infinity;
  for (const e of episodes) {
    const key = `${e.point.lat},${e.point.lon}`;
    if (!disks.has(key)) {
      disks.add(key);
      for (const cell of cellsWithin(e.point, radiusKm)) cells.add(cell);
    }
    from = Math.min(from, dayNumber(e.arrivedAt) - BASELINE_DAYS);
    const end = e.departedAt ?? options.asOf ?? e.arrivedAt;
    to = Math.max(to, dayNumber(end) + RETALIATION_DAYS.base);
  }
  const cercles = [...new Set(episodes.flatMap((e) => (e.cercle !== undefined ? [e.cercle] : [])))].sort();
  return {
    radiusKm,
    cells: [...cells].sort(),
    incidentDays: { from: dayString(from), to: dayString(to) },
    presenceDays: { from: dayString(from - RETALIATION_DAYS.base), to: dayString(to) },
    cercles,
  };
};
