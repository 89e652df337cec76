import { asKnownAt, type IncidentView } from '../incidents/incidents.projection';
import { dayNumber } from './days';
import { timedEpisodes, type Episode, type TimedEpisode } from './episodes';
import { exposureOf, type Exposure } from './exposure';
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
  /** asOf as epoch ms, parsed once. */
  asOfMs: number;
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
 * recorded by asOf, and finds, through a spatial index, the episodes near each incident and
 * each episode: no pairing of all episodes with all incidents.
 */
export const prepareContext = (episodes: readonly Episode[], incidents: readonly IncidentView[], asOf: string, maxKm: number): Context => {
  const timeline = timedEpisodes(episodes, asOf);
  const index = new EpisodeIndex(timeline, maxKm);
  const asOfMs = Date.parse(asOf);
  const triggers = new Set(timeline.flatMap((t) => (t.episode.triggerIncidentId ? [t.episode.triggerIncidentId] : [])));
  const unique = new Map<string, IncidentView>();
  for (const incident of incidents) {
    // Bitemporal: the version recorded by asOf, not today's corrected one.
    const known = asKnownAt(incident, asOfMs);
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
    asOfMs,
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

const exposureMemo = new WeakMap<Context, Map<number, (Exposure | undefined)[]>>();

/**
 * Episode `index`'s exposure against the presences within `outerKm`, worked out when first
 * asked and kept with the (immutable) context: the 25 km disk and the 10–25 km ring share
 * one, and only the episodes that take an incident or are reported on need one at all.
 */
export const exposureAt = (ctx: Context, outerKm: number, index: number): Exposure => {
  let byRadius = exposureMemo.get(ctx);
  if (!byRadius) exposureMemo.set(ctx, (byRadius = new Map()));
  let memo = byRadius.get(outerKm);
  if (!memo) byRadius.set(outerKm, (memo = new Array<Exposure | undefined>(ctx.timeline.length)));
  return (memo[index] ??= exposureOf(ctx.timeline[index], neighboursWithin(ctx, index, outerKm), ctx.asOfDay));
};
