import { addDays } from '@poc/domain';

export type WeeklyWindows = Readonly<{ asOf: string; weekFrom: string; weekTo: string; beforeFrom: string; beforeTo: string }>;

export type CercleWeek = Readonly<{
  cercle: string;
  region: string | null;
  thisWeek: number;
  fourWeeksBefore: number;
  weeklyAverageBefore: number;
}>;

export type WeeklyByCercle = WeeklyWindows & Readonly<{ cercles: readonly CercleWeek[] }>;

/** A count of incidents per occurrence day and place, as the read model groups them. */
export type DayCount = Readonly<{ day: string; cercle: string | null; region: string | null; count: number }>;

/** The week ending on asOf, and the four weeks before it; all bounds inclusive days. */
export const weeklyWindows = (asOf: string): WeeklyWindows => ({
  asOf,
  weekFrom: addDays(asOf, -6),
  weekTo: asOf,
  beforeFrom: addDays(asOf, -34),
  beforeTo: addDays(asOf, -7),
});

/** The region most of a cercle's incidents name (ties: alphabetical): one row per cercle even if reports disagree. */
const regionOf = (regions: Map<string | null, number>): string | null =>
  [...regions].sort((a, b) => b[1] - a[1] || String(a[0] ?? '\uffff').localeCompare(String(b[0] ?? '\uffff')))[0]?.[0] ?? null;

/**
 * This week against the four before, per cercle, from counts per day: days outside the five
 * weeks and incidents with no cercle are left out. Busiest this week first, then by name.
 */
export const weeklyByCercle = (windows: WeeklyWindows, counts: readonly DayCount[]): WeeklyByCercle => {
  const byCercle = new Map<string, { thisWeek: number; before: number; regions: Map<string | null, number> }>();
  for (const { day, cercle, region, count } of counts) {
    if (cercle === null || day < windows.beforeFrom || day > windows.weekTo) continue;
    const row = byCercle.get(cercle) ?? { thisWeek: 0, before: 0, regions: new Map() };
    if (day >= windows.weekFrom) row.thisWeek += count;
    else row.before += count;
    row.regions.set(region, (row.regions.get(region) ?? 0) + count);
    byCercle.set(cercle, row);
  }
  const cercles = [...byCercle]
    .map(([cercle, row]) => ({ cercle, region: regionOf(row.regions), thisWeek: row.thisWeek, fourWeeksBefore: row.before, weeklyAverageBefore: row.before / 4 }))
    .sort((a, b) => b.thisWeek - a.thisWeek || a.cercle.localeCompare(b.cercle));
  return { ...windows, cercles };
};
