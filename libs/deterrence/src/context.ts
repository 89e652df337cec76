import { asKnownAt, isVerified, type Episode } from '@poc/projections';
import { DAY_MS, dayNumber } from './days';
import { timedEpisodes, type TimedEpisode } from './episodes';
import { exposureOf, type Exposure } from './exposure';
import type { EngineIncident, EngineSnapshot } from './lean-incident';
import { precisionClass, type PrecisionClass } from './precision';
import { EpisodeIndex, type Near } from './proximity';

export type PreparedIncident = Readonly<{
  view: EngineSnapshot;
  day: number;
  /** recordedAt − occurredAt in ms (the reporting lag's sample), parsed once here. */
  delayMs: number;
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

type Known = Readonly<{ view: EngineSnapshot }>;
const byId = ({ view: a }: Known, { view: b }: Known): number => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0);

/**
 * Sorts and de-duplicates the inputs (so nothing depends on their order), keeps what was
 * recorded by asOf, and finds, through a spatial index, the episodes near each incident and
 * each episode: no pairing of all episodes with all incidents.
 */
/**
 * `verifiedOnly` keeps the incidents verified as known at asOf (`?verified=only`): one
 * verified later, or disputed since, is left out of what was known then.
 */
export const prepareContext = (episodes: readonly Episode[], incidents: readonly EngineIncident[], asOf: string, maxKm: number, verifiedOnly = false): Context => {
  const timeline = timedEpisodes(episodes, asOf);
  const index = new EpisodeIndex(timeline, maxKm);
  const asOfMs = Date.parse(asOf);
  const triggers = new Set(timeline.flatMap((t) => (t.episode.triggerIncidentId ? [t.episode.triggerIncidentId] : [])));
  // Each incident's recordedAt as ms, parsed once: asKnownAt's test, then the reporting delay.
  const unique = new Map<string, Readonly<{ view: EngineSnapshot; recordedMs: number }>>();
  for (const incident of incidents) {
    const recordedMs = Date.parse(incident.recordedAt);
    if (recordedMs > asOfMs) continue;
    // Bitemporal: the version recorded by asOf, not today's corrected one (asKnownAt; without
    // history the view is its own, the common case, and needs no second look).
    const known = incident.superseded === undefined ? incident : asKnownAt(incident, asOfMs);
    if (known && (!verifiedOnly || isVerified(known))) unique.set(incident.incidentId, { view: known, recordedMs: known === incident ? recordedMs : Date.parse(known.recordedAt) });
  }
  const prepared = [...unique.values()].sort(byId).map(({ view, recordedMs }): PreparedIncident => {
    const precision = precisionClass(view);
    const placed = precision === 'daily' || precision === 'window';
    const occurredMs = Date.parse(view.occurredAt);
    return {
      view,
      // dayNumber's arithmetic on the one parse.
      day: Math.floor(occurredMs / DAY_MS),
      delayMs: recordedMs - occurredMs,
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
