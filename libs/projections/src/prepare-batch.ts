import type { StoredEvent } from '@poc/domain';
import { applyEvents, keysNeeded } from './apply-events';
import type { PresenceFilter } from './presence-filter';
import { handlesEvent, type Projection } from './projection';
import { supportsBlueGreen, type DocWrite, type ReadModelCommit, type ReadModelStore, type StoredDoc } from './read-model-store.port';

/**
 * What a prepared batch will have written once committed: its documents (undefined =
 * deleted) by collection, and its stream versions by projection. The next batch, prepared
 * while this one commits, reads these from here, not from the store.
 */
export type Overlay = Readonly<{
  docs: ReadonlyMap<string, ReadonlyMap<string, StoredDoc | undefined>>;
  versions: ReadonlyMap<string, ReadonlyMap<string, number>>;
}>;

const NONE: ReadonlyMap<string, never> = new Map<string, never>();

export type PreparedBatch = Readonly<{ commit: ReadModelCommit; overlay: Overlay }>;

export type PrepareOptions = Readonly<{ presence?: PresenceFilter; overlay?: Overlay }>;

/**
 * Everything of a batch but its commit: read the generations (the fence), the applied
 * stream versions and the documents the batch touches, fold, and say what to write. Reads
 * only what may exist (`presence`), and takes what the batch before it writes from its
 * `overlay`. Each document is read and written at most once, however many events touch it.
 */
export const prepareBatch = async (
  store: ReadModelStore,
  projections: readonly Projection[],
  batch: readonly StoredEvent[],
  { presence, overlay }: PrepareOptions = {},
): Promise<PreparedBatch> => {
  // First, before any read: what the commit checks to know nothing was swapped meanwhile.
  const generations = supportsBlueGreen(store) ? await store.generations(projections.map((p) => p.name)) : undefined;
  const position = batch.reduce((max, e) => Math.max(max, e.position), 0);
  const writes: DocWrite[] = [];
  const streamVersions: ReadModelCommit['streamVersions'][number][] = [];
  const written = { docs: new Map<string, Map<string, StoredDoc | undefined>>(), versions: new Map<string, Map<string, number>>() };
  for (const projection of projections) {
    const relevant = batch.filter((e) => handlesEvent(projection, e));
    if (relevant.length === 0) continue;
    const before = overlay?.versions.get(projection.name) ?? NONE;
    const streams = [...new Set(relevant.map((e) => e.streamId))];
    const unread = streams.filter((id) => !before.has(id) && (!presence || presence.mayHaveStream(projection.name, id)));
    const applied = await store.appliedVersions(projection.name, unread);
    for (const id of streams) if (before.has(id)) applied.set(id, before.get(id)!);
    const known = new Set(applied.keys());
    // Skip what was applied before, and an event repeated inside this batch (a consumer may
    // hand over a redelivered message next to its first delivery).
    const fresh = relevant.filter((e) => {
      if (e.streamVersion <= (applied.get(e.streamId) ?? 0)) return false;
      applied.set(e.streamId, e.streamVersion);
      return true;
    });
    if (fresh.length === 0) continue;
    const name = projection.collection.name;
    const pending = overlay?.docs.get(name) ?? NONE;
    const keys = [...keysNeeded([projection], fresh).get(projection.name)!];
    const loaded = await store.load(projection.collection, keys.filter((key) => !pending.has(key) && (!presence || presence.mayHaveDocument(name, key))));
    for (const key of keys) {
      const stored = pending.get(key);
      if (stored) loaded.set(key, stored);
    }
    const current = new Map([...loaded].map(([key, stored]) => [key, stored.doc]));
    const touched = applyEvents([projection], new Map([[projection.name, current]]), fresh).get(projection.name)!;
    const docs = new Map<string, StoredDoc | undefined>();
    for (const [key, doc] of touched) {
      const expectedRev = loaded.get(key)?.rev ?? 0;
      writes.push({ collection: projection.collection, key, doc, columns: doc === undefined ? {} : projection.columnsOf(doc), expectedRev });
      docs.set(key, doc === undefined ? undefined : { key, doc, rev: expectedRev + 1 });
    }
    written.docs.set(name, docs);
    const latest = new Map<string, number>();
    for (const e of fresh) latest.set(e.streamId, Math.max(latest.get(e.streamId) ?? 0, e.streamVersion));
    for (const [streamId, version] of latest) streamVersions.push({ projection: projection.name, streamId, version, ...(!known.has(streamId) && { first: true }) });
    written.versions.set(projection.name, latest);
  }
  // Before the commit: a filter may say "perhaps" of what is absent, never "no" of what is there.
  if (presence) {
    for (const w of writes) if (w.doc !== undefined) presence.addDocument(w.collection.name, w.key);
    for (const v of streamVersions) presence.addStream(v.projection, v.streamId);
  }
  return {
    commit: {
      writes,
      streamVersions,
      checkpoints: projections.map((p) => ({ projection: p.name, position })),
      ...(generations && { generations: projections.map((p) => ({ projection: p.name, generation: generations.get(p.name) ?? 0 })) }),
    },
    overlay: written,
  };
};
