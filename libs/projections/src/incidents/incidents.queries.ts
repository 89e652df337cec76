import type { Condition, FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type CountQuery, type Page } from '../read-queries';

/** What the lists and counts of incidents take; they keep active incidents only, always (a retracted one is left out). */
export type IncidentFilter = Readonly<{
  /** occurredAt bounds, inclusive, as ISO times. */
  occurredFrom?: string;
  occurredTo?: string;
  /** The UTC day it occurred on, bounds inclusive (YYYY-MM-DD). */
  dayFrom?: string;
  dayTo?: string;
  cercle?: string;
  region?: string;
  kind?: string;
  targetsCivilians?: boolean;
  /** A lat/lon box around every point wanted: a store narrows by it, the caller tests the exact shape. */
  within?: Readonly<{ minLat: number; maxLat: number; minLon: number; maxLon: number }>;
}>;

/** By occurredAt, ties by id: a page keeps its order when the read model is rebuilt. */
export type IncidentOrder = 'occurred';

const ORDERS = { occurred: [{ column: 'occurred_at' }, { column: 'key' }] } as const;

const active = (filter: IncidentFilter): Condition[] => [
  { column: 'status', op: '=', value: 'active' },
  ...between('occurred_at', filter.occurredFrom, filter.occurredTo),
  ...between('occurred_day', filter.dayFrom, filter.dayTo),
  ...equal('cercle', filter.cercle),
  ...equal('region', filter.region),
  ...equal('kind', filter.kind),
  ...equal('targets_civilians', filter.targetsCivilians === undefined ? undefined : filter.targetsCivilians ? 1 : 0),
  ...(filter.within ? [...between('lat', filter.within.minLat, filter.within.maxLat), ...between('lon', filter.within.minLon, filter.within.maxLon)] : []),
];

export const incidentsQuery = (filter: IncidentFilter, options: Page & Readonly<{ order?: IncidentOrder }> = {}): FindQuery =>
  shaped(active(filter), options.order && ORDERS[options.order], options);

/** A page of the active incidents after the key `after` ('' = from the first), in key order: each page an index range, however deep. */
export const incidentsAfterKey = (after: string, filter: Pick<IncidentFilter, 'occurredFrom' | 'occurredTo'>, limit: number): FindQuery => ({
  where: [{ column: 'key', op: '>', value: after }, ...active(filter)],
  orderBy: [{ column: 'key' }],
  limit,
});

/** What daily counts of incidents are broken down by, beside the UTC day they occurred on. */
export type IncidentBreakdown = 'cercle' | 'region';

/** Active incidents that occurred on a UTC day (and in a cercle/region, null when not broken down by it or unknown). */
export type DailyIncidentCount = Readonly<{ day: string; cercle: string | null; region: string | null; count: number }>;

const BREAKDOWN_COLUMNS: Readonly<Record<IncidentBreakdown, string>> = { cercle: 'cercle', region: 'region' };

export const dailyIncidentCounts = (by: readonly IncidentBreakdown[], filter: IncidentFilter = {}): CountQuery<DailyIncidentCount> => ({
  groupBy: ['occurred_day', ...by.map((k) => BREAKDOWN_COLUMNS[k])],
  where: active(filter),
  rowOf: (r) => ({
    day: String(r.occurred_day),
    cercle: (r.cercle as string | null | undefined) ?? null,
    region: (r.region as string | null | undefined) ?? null,
    count: Number(r.count),
  }),
});
