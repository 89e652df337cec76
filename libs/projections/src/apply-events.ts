import type { StoredEvent } from '@poc/domain';
import { handlesEvent, type Projection } from './projection';

/** Documents of one collection by key; `undefined` marks a deletion. */
export type DocMap = Map<string, unknown>;

/** The keys each projection needs loaded to apply a batch. */
export const keysNeeded = (projections: readonly Projection[], events: readonly StoredEvent[]): Map<string, Set<string>> => {
  const needed = new Map<string, Set<string>>(projections.map((p) => [p.name, new Set<string>()]));
  for (const event of events) {
    for (const projection of projections) {
      if (!handlesEvent(projection, event)) continue;
      for (const key of projection.keysOf(event)) needed.get(projection.name)!.add(key);
    }
  }
  return needed;
};

/**
 * Pure core of every projector: fold a batch into the loaded documents. `docs` holds, per
 * projection, the current document of each needed key (absent = none yet). Returns the
 * touched documents only.
 */
export const applyEvents = (
  projections: readonly Projection[],
  docs: ReadonlyMap<string, ReadonlyMap<string, unknown>>,
  events: readonly StoredEvent[],
): Map<string, DocMap> => {
  const touched = new Map<string, DocMap>(projections.map((p) => [p.name, new Map()]));
  for (const event of events) {
    for (const projection of projections) {
      if (!handlesEvent(projection, event)) continue;
      const changed = touched.get(projection.name)!;
      for (const key of projection.keysOf(event)) {
        const current = changed.has(key) ? changed.get(key) : docs.get(projection.name)?.get(key);
        changed.set(key, projection.evolve(current, event, key));
      }
    }
  }
  return touched;
};
