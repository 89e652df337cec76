import type { StoredEvent } from '@poc/domain';
import { applyEvents, keysNeeded } from './apply-events';
import { handlesEvent, type Projection } from './projection';
import { ConcurrentDocUpdate, supportsBlueGreen, type DocWrite, type ReadModelStore } from './read-model-store.port';

const MAX_ATTEMPTS = 5;

/**
 * I/O around the pure projections: load the documents a batch touches, fold the batch,
 * write documents, checkpoints and per-stream versions in one transaction. A redelivered
 * event (its stream version already applied) is skipped, so each event takes effect once.
 *
 * On a store with blue/green support, `init` records the version each projection is built
 * with (if none is recorded yet), and every batch is fenced: the projections' generations
 * are read before anything else and checked again inside the commit, so a batch begun
 * before a rebuilt read model was swapped in is refused and retried against the new one.
 */
export class ProjectionRunner {
  constructor(
    private readonly store: ReadModelStore,
    readonly projections: readonly Projection[],
  ) {}

  async init(): Promise<void> {
    await this.store.ensureCollections(this.projections.map((p) => p.collection));
    if (supportsBlueGreen(this.store)) {
      await this.store.registerBuilds(this.projections.map((p) => ({ projection: p.name, version: p.version })));
    }
  }

  /** The lowest checkpoint: every event at or below it has been applied by every projection. */
  async position(): Promise<number> {
    const positions = await Promise.all(this.projections.map((p) => this.store.checkpoint(p.name)));
    return positions.length === 0 ? 0 : Math.min(...positions);
  }

  async handle(batch: readonly StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.applyOnce(batch);
      } catch (error) {
        if (!(error instanceof ConcurrentDocUpdate) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async applyOnce(batch: readonly StoredEvent[]): Promise<void> {
    // First, before any read: what the commit checks to know nothing was swapped meanwhile.
    const generations = supportsBlueGreen(this.store) ? await this.store.generations(this.projections.map((p) => p.name)) : undefined;
    const position = batch.reduce((max, e) => Math.max(max, e.position), 0);
    const writes: DocWrite[] = [];
    const streamVersions: { projection: string; streamId: string; version: number }[] = [];
    for (const projection of this.projections) {
      const relevant = batch.filter((e) => handlesEvent(projection, e));
      const applied = await this.store.appliedVersions(projection.name, [...new Set(relevant.map((e) => e.streamId))]);
      // Skip what was applied before, and an event repeated inside this batch (a consumer may
      // hand over a redelivered message next to its first delivery).
      const fresh = relevant.filter((e) => {
        if (e.streamVersion <= (applied.get(e.streamId) ?? 0)) return false;
        applied.set(e.streamId, e.streamVersion);
        return true;
      });
      if (fresh.length === 0) continue;
      const keys = [...keysNeeded([projection], fresh).get(projection.name)!];
      const loaded = await this.store.load(projection.collection, keys);
      const current = new Map([...loaded].map(([key, stored]) => [key, stored.doc]));
      const touched = applyEvents([projection], new Map([[projection.name, current]]), fresh).get(projection.name)!;
      for (const [key, doc] of touched) {
        writes.push({
          collection: projection.collection,
          key,
          doc,
          columns: doc === undefined ? {} : projection.columnsOf(doc),
          expectedRev: loaded.get(key)?.rev ?? 0,
        });
      }
      const latest = new Map<string, number>();
      for (const e of fresh) latest.set(e.streamId, Math.max(latest.get(e.streamId) ?? 0, e.streamVersion));
      for (const [streamId, version] of latest) streamVersions.push({ projection: projection.name, streamId, version });
    }
    await this.store.commit({
      writes,
      streamVersions,
      checkpoints: this.projections.map((p) => ({ projection: p.name, position })),
      ...(generations && { generations: this.projections.map((p) => ({ projection: p.name, generation: generations.get(p.name) ?? 0 })) }),
    });
  }
}
