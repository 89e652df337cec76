import type { Episode, EpisodeKind } from '@poc/projections';
import { dayNumber } from './days';

/** Which episodes the caller asks about; the others only censor and take incidents. */
export type EpisodeFilter = Readonly<{
  operation?: string;
  cercle?: string;
  unit?: string;
  kinds?: readonly EpisodeKind[];
  sourceId?: string;
  episodeIds?: readonly string[];
  /** Reference day (departure day, or arrival day while under way) within from..to, inclusive. */
  from?: string;
  to?: string;
}>;

/** An episode as the engine uses it: whole days, and the departure as known at `asOf`. */
export type TimedEpisode = Readonly<{
  episode: Episode;
  arrival: number;
  /** undefined: under way at asOf. */
  departure: number | undefined;
}>;

/**
 * Episodes as known at `asOf`: one that had not arrived is left out; one that departed
 * after asOf was still under way then. Sorted by id, so no result depends on input order.
 */
export const timedEpisodes = (episodes: readonly Episode[], asOf: string): TimedEpisode[] => {
  const asOfMs = Date.parse(asOf);
  const unique = new Map<string, Episode>();
  for (const e of episodes) if (Date.parse(e.arrivedAt) <= asOfMs) unique.set(e.episodeId, e);
  return [...unique.values()]
    .sort((a, b) => (a.episodeId < b.episodeId ? -1 : a.episodeId > b.episodeId ? 1 : 0))
    .map((episode) => ({
      episode,
      arrival: dayNumber(episode.arrivedAt),
      departure: episode.departedAt !== undefined && Date.parse(episode.departedAt) <= asOfMs ? dayNumber(episode.departedAt) : undefined,
    }));
};

/** The day a period filter and a `month` grouping look at. */
export const referenceDay = (t: TimedEpisode): number => t.departure ?? t.arrival;

export const matchesFilter = (t: TimedEpisode, filter: EpisodeFilter = {}): boolean => {
  const e = t.episode;
  const ref = referenceDay(t);
  return (
    (filter.operation === undefined || e.operation === filter.operation) &&
    (filter.cercle === undefined || e.cercle === filter.cercle) &&
    (filter.unit === undefined || e.unit === filter.unit) &&
    (filter.kinds === undefined || filter.kinds.includes(e.kind)) &&
    (filter.sourceId === undefined || e.sourceId === filter.sourceId) &&
    (filter.episodeIds === undefined || filter.episodeIds.includes(e.episodeId)) &&
    (filter.from === undefined || ref >= dayNumber(filter.from)) &&
    (filter.to === undefined || ref <= dayNumber(filter.to))
  );
};
