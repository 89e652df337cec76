import type { StoredEvent } from '@poc/domain';
import { applyEvents } from '../apply-events';
import type { ColumnValue, Projection } from '../projection';

/** Documents per projection name, then per key; absent = no document. */
export type ReadModels = Map<string, Map<string, unknown>>;

/** Freezes a value and everything under it, so an `evolve` that mutates its input throws. */
export const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value;
};

/**
 * Folds a batch into read models the way the runner does (applyEvents, then write back the
 * touched documents, deleting those that became undefined). Returns new maps; the inputs are
 * left alone and frozen documents stay frozen.
 */
export const foldBatch = (projections: readonly Projection[], models: ReadModels, batch: readonly StoredEvent[]): ReadModels => {
  const touched = applyEvents(projections, models, batch);
  const next: ReadModels = new Map(projections.map((p) => [p.name, new Map(models.get(p.name) ?? [])]));
  for (const [name, docs] of touched) {
    const target = next.get(name)!;
    for (const [key, doc] of docs) {
      if (doc === undefined) target.delete(key);
      else target.set(key, deepFreeze(doc));
    }
  }
  return next;
};

/** Folds events in batches of the given sizes (the last batch takes what is left). */
export const foldInBatches = (projections: readonly Projection[], events: readonly StoredEvent[], sizes: readonly number[] = []): ReadModels => {
  let models: ReadModels = new Map(projections.map((p) => [p.name, new Map()]));
  let start = 0;
  for (let i = 0; start < events.length; i++) {
    const size = Math.max(1, sizes[i] ?? events.length);
    models = foldBatch(projections, models, events.slice(start, start + size));
    start += size;
  }
  return models;
};

/**
 * Given / when / then for projections, in the manner of DeciderSpecification:
 *   spec.given([...past events]).when(event).then({ key: expectedDoc })
 * `then` with an object checks exactly the documents the `when` events touched (undefined =
 * deleted or never created); with a function it hands over every document after `when`.
 * Documents and events are frozen, so a projection that mutates its input fails.
 */
export const ProjectionSpecification = {
  for: <Doc>(projection: Projection<Doc>) => {
    const p = projection as Projection;
    return {
      given: (history: readonly StoredEvent[]) => ({
        when: (events: StoredEvent | readonly StoredEvent[]) => {
          const run = () => {
            const batch = deepFreeze(Array.isArray(events) ? [...events] : [events as StoredEvent]);
            const before = foldInBatches([p], deepFreeze([...history]), history.map(() => 1)).get(p.name)!;
            // One event per batch, as the same events may come to the runner one by one.
            const touched = new Map<string, unknown>();
            let models: ReadModels = new Map([[p.name, before]]);
            for (const event of batch) {
              for (const [key, doc] of applyEvents([p], models, [event]).get(p.name)!) touched.set(key, doc);
              models = foldBatch([p], models, [event]);
            }
            // The same events folded as a single batch must agree.
            const asOneBatch = foldBatch([p], new Map([[p.name, before]]), batch).get(p.name)!;
            expect(asOneBatch).toEqual(models.get(p.name));
            return { touched, docs: models.get(p.name)! as Map<string, Doc> };
          };
          return {
            then: (expected: Readonly<Record<string, Doc | undefined>> | ((docs: ReadonlyMap<string, Doc>) => void)): void => {
              const { touched, docs } = run();
              if (typeof expected === 'function') {
                expected(docs);
                return;
              }
              expect(Object.fromEntries(touched)).toEqual(expected);
              // toEqual ignores undefined members: check the keys touched as well.
              expect([...touched.keys()].sort()).toEqual(Object.keys(expected).sort());
            },
            thenColumns: (expected: Readonly<Record<string, Readonly<Record<string, ColumnValue>>>>): void => {
              const { docs } = run();
              const columns = Object.fromEntries(Object.keys(expected).map((key) => [key, docs.has(key) ? projection.columnsOf(docs.get(key)!) : undefined]));
              expect(columns).toEqual(expected);
            },
          };
        },
      }),
    };
  },
};
