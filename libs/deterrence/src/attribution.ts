import type { TimedEpisode } from './episodes';
import type { Exposure } from './exposure';
import { BASELINE_DAYS, POST_WINDOW_DAYS, type Vicinity } from './methodology';
import type { Near } from './proximity';

/**
 * DOMAIN.md's overlap rule, so that no incident is counted twice: an incident belongs to the
 * presence under way on its day; else to the most recent departure within r (ties: nearest);
 * else — if it is not a trigger and no departure's uncensored window holds it — to the
 * baseline of the next arrival within r (ties: nearest). Candidates are the episodes within
 * the vicinity's outer radius; a ring counts the incident only when it lies beyond the inner
 * radius of the episode it belongs to. Ties left after distance go to the smaller episode id.
 */
export type Attribution =
  | Readonly<{ role: 'during'; episode: number }>
  | Readonly<{ role: 'post'; episode: number; k: number }>
  | Readonly<{ role: 'baseline'; episode: number }>;

type Timeline = readonly TimedEpisode[];

/** Nearest first, then lower index (= lower episode id). */
const closer = (a: Near, b: Near): boolean => a.km < b.km || (a.km === b.km && a.index < b.index);

export const underWay = (timeline: Timeline, near: readonly Near[], day: number): Near | undefined => {
  let best: Near | undefined;
  for (const n of near) {
    const t = timeline[n.index];
    if (t.arrival <= day && day <= (t.departure ?? Infinity) && (!best || closer(n, best))) best = n;
  }
  return best;
};

export const mostRecentDeparture = (timeline: Timeline, near: readonly Near[], day: number): Near | undefined => {
  let best: Near | undefined;
  for (const n of near) {
    const d = timeline[n.index].departure;
    if (d === undefined || d >= day) continue;
    const bestDeparture = best ? timeline[best.index].departure! : -Infinity;
    if (d > bestDeparture || (d === bestDeparture && closer(n, best!))) best = n;
  }
  return best;
};

const nextArrival = (timeline: Timeline, near: readonly Near[], day: number): Near | undefined => {
  let best: Near | undefined;
  for (const n of near) {
    const a = timeline[n.index].arrival;
    if (a <= day || a - day > BASELINE_DAYS) continue;
    const bestArrival = best ? timeline[best.index].arrival : Infinity;
    if (a < bestArrival || (a === bestArrival && closer(n, best!))) best = n;
  }
  return best;
};

/** `near`: the episodes within at least the vicinity's outer radius of the incident. */
export const attribute = (
  incident: Readonly<{ day: number; isTrigger: boolean }>,
  nearAll: readonly Near[],
  vicinity: Vicinity,
  timeline: Timeline,
  /** An episode's exposure by its index (worked out on demand: most episodes never take an incident). */
  exposureOf: (index: number) => Exposure,
): Attribution | undefined => {
  const near = nearAll.filter((n) => n.km <= vicinity.outerKm);
  if (near.length === 0) return undefined;
  // A disk (inner radius 0) holds its centre; a ring starts beyond its inner radius.
  const beyondInner = (n: Near) => vicinity.innerKm === 0 || n.km > vicinity.innerKm;
  const present = underWay(timeline, near, incident.day);
  if (present) return beyondInner(present) ? { role: 'during', episode: present.index } : undefined;
  const departed = mostRecentDeparture(timeline, near, incident.day);
  if (departed) {
    const k = incident.day - timeline[departed.index].departure!;
    if (k <= POST_WINDOW_DAYS && exposureOf(departed.index).postAtRisk[k - 1] === 1) {
      return beyondInner(departed) ? { role: 'post', episode: departed.index, k } : undefined;
    }
  }
  if (incident.isTrigger) return undefined;
  const arriving = nextArrival(timeline, near, incident.day);
  if (!arriving || !beyondInner(arriving) || incident.day < exposureOf(arriving.index).baselineFrom) return undefined;
  return { role: 'baseline', episode: arriving.index };
};
