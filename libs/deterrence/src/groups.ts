import { dayString } from './days';
import type { EpisodeCurve } from './episode-curves';
import { referenceDay, type TimedEpisode } from './episodes';
import type { Vicinity } from './methodology';
import { poolCurves, type PooledCurve } from './pooled';

/** Pooled curves by operation, cercle, unit, episode kind or month (of the departure day). */
export type GroupKey = 'operation' | 'cercle' | 'unit' | 'kind' | 'month';

export type PooledGroup = Readonly<{ by: GroupKey; value: string | null; curve: PooledCurve }>;

const valueOf = (t: TimedEpisode, by: GroupKey): string | null => {
  if (by === 'month') return dayString(referenceDay(t)).slice(0, 7);
  return t.episode[by] ?? null;
};

/** `pairs`: each focal episode with its curve; groups come out sorted by key then value. */
export const poolGroups = (
  pairs: readonly Readonly<{ timed: TimedEpisode; curve: EpisodeCurve }>[],
  groupBy: readonly GroupKey[],
  vicinity: Vicinity,
): PooledGroup[] =>
  groupBy.flatMap((by) => {
    const groups = new Map<string | null, EpisodeCurve[]>();
    for (const { timed, curve } of pairs) {
      const value = valueOf(timed, by);
      groups.set(value, [...(groups.get(value) ?? []), curve]);
    }
    return [...groups]
      .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
      .map(([value, curves]) => ({ by, value, curve: poolCurves(curves, vicinity) }));
  });
