import { asKnownAt, type IncidentView } from '../incidents/incidents.projection';
import { dayNumber } from './days';
import { timedEpisodes, type Episode, type TimedEpisode } from './episodes';
import { precisionClass, type PrecisionClass } from './precision';
import { EpisodeIndex, type Near } from './proximity';

export type PreparedIncident = Readonly<{
  view: IncidentView;
  day: number;
  precision: PrecisionClass;
  /** Some episode's trigger: never a baseline count. */
  isTrigger: boolean;
  /** Episodes within the context's maxKm (place-precise incidents only). */
  near: readonly Near[];
}>;

/** Everything the counts share: episodes and incidents as known at asOf, and their proximity. */
export type Context = Readonly<{
  asOf: string;
  asOfDay: number;
  timeline: readonly TimedEpisode[];
  incidents: readonly PreparedIncident[];
  /** Per episode, the others within maxKm. */
  neighbours: readonly (readonly Near[])[];
  maxKm: number;
}>;

const byId = (a: IncidentView, b: IncidentView): number => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0);

/**
 * Sorts and de-duplicates the inputs (so nothing depends on their order), keeps what was
 * recorded by asOf, and finds, through the H3 index, the episodes near each incident and
 * each episode: no pairing of all episodes with all incidents.
 */
export const prepareContext = (episodes: readonly Episode[], incidents: readonly IncidentView[], asOf: string, maxKm: number): Context => {
  const timeline = timedEpisodes(episodes, asOf);
  const index = new EpisodeIndex(timeline, maxKm);
  const triggers = new Set(timeline.flatMap((t) => (t.episode.triggerIncidentId ? [t.episode.triggerIncidentId] : [])));
  const unique = new Map<string, IncidentView>();
  for (const incident of incidents) {
    // Bitemporal: the version recorded by asOf, not today's corrected one.
    const known = asKnownAt(incident, asOf);
    if (known) unique.set(incident.incidentId, known);
  }
  const prepared = [...unique.values()].sort(byId).map((view): PreparedIncident => {
    const precision = precisionClass(view);
    const placed = precision === 'daily' || precision === 'window';
    return {
      view,
      day: dayNumber(view.occurredAt),
      precision,
      isTrigger: triggers.has(view.incidentId),
      near: placed ? index.near(view.location) : [],
    };
  });
  return {
    asOf,
    asOfDay: dayNumber(asOf),
    timeline,
    incidents: prepared,
    neighbours: timeline.map((_, i) => index.neighbours(i)),
    maxKm,
  };
};

/** The other episodes within `km` of episode `index`. */
export const neighboursWithin = (ctx: Context, index: number, km: number): TimedEpisode[] =>
  ctx.neighbours[index].filter((n) => n.km <= km).map((n) => ctx.timeline[n.index]);
