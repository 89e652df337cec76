import { TOB_ACTIVITY_KINDS, toMillis, type TobActivityKind } from '@poc/domain';
import type { TobActivityView } from './tob-activities.projection';

export type TobActivityCount = Readonly<{ activities: number; activityIds: readonly string[]; baseIds: readonly string[] }>;

export type TobActivitiesSummary = Readonly<{
  from: string | null;
  to: string | null;
  /** Activities dated in the range. */
  activities: number;
  /** Every kind, with 0 when none was recorded: "no human-rights investigation" is an answer. */
  byKind: readonly (Readonly<{ kind: TobActivityKind }> & TobActivityCount)[];
  /** Each kind and cercle that had at least one: "four mediation missions in Koro cercle". */
  byKindAndCercle: readonly (Readonly<{ kind: TobActivityKind; cercle: string }> & TobActivityCount)[];
}>;

export type TobActivitiesRange = Readonly<{ from?: string; to?: string }>;

const inRange = (a: TobActivityView, range: TobActivitiesRange): boolean => {
  const at = toMillis(a.date);
  return (range.from === undefined || at >= toMillis(range.from)) && (range.to === undefined || at <= toMillis(range.to));
};

const count = (activities: readonly TobActivityView[]): TobActivityCount => ({
  activities: activities.length,
  activityIds: activities.map((a) => a.activityId),
  baseIds: [...new Set(activities.map((a) => a.baseId))].sort(),
});

/**
 * Pure: what TOBs enabled in [from, to] (both inclusive; an absent bound does not narrow),
 * by kind and by kind and cercle. Ids are listed oldest first, so each count can be checked
 * against GET /streams/base-<id>.
 */
export const tobActivitiesSummary = (docs: readonly TobActivityView[], range: TobActivitiesRange = {}): TobActivitiesSummary => {
  const chosen = docs
    .filter((a) => inRange(a, range))
    .sort((a, b) => toMillis(a.date) - toMillis(b.date) || a.activityId.localeCompare(b.activityId));
  const groups = new Map<string, TobActivityView[]>();
  for (const a of chosen) {
    const key = JSON.stringify([a.kind, a.cercle]);
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const byKindAndCercle = [...groups.values()]
    .map((group) => ({ kind: group[0]!.kind, cercle: group[0]!.cercle, ...count(group) }))
    .sort((a, b) => TOB_ACTIVITY_KINDS.indexOf(a.kind) - TOB_ACTIVITY_KINDS.indexOf(b.kind) || a.cercle.localeCompare(b.cercle));
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    activities: chosen.length,
    byKind: TOB_ACTIVITY_KINDS.map((kind) => ({ kind, ...count(chosen.filter((a) => a.kind === kind)) })),
    byKindAndCercle,
  };
};
