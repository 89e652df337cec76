import type { StoredEvent } from '@poc/domain';
import type { PresenceFilter } from './presence-filter';
import { prepareBatch, type Overlay, type PreparedBatch } from './prepare-batch';
import type { Projection } from './projection';
import { ConcurrentDocUpdate, supportsBlueGreen, type ReadModelStore } from './read-model-store.port';

const MAX_ATTEMPTS = 5;

export type RunnerOptions = Readonly<{
  /**
   * Only for read models this runner alone writes, from what the filter was seeded with (a
   * rebuild's shadows): a document or stream the filter has never seen is known to be absent,
   * so it is not looked up. Every answer stays what the store would have given.
   */
  presence?: PresenceFilter;
}>;

/** Injection token of the app's ProjectionRunner. */
export const PROJECTION_RUNNER = Symbol('PROJECTION_RUNNER');

/**
 * I/O around the pure projections: load the documents a batch touches, fold the batch
 * (`prepareBatch`), write documents, checkpoints and per-stream versions in one transaction.
 * A redelivered event (its stream version already applied) is skipped, so each event takes
 * effect once.
 *
 * On a store with blue/green support, `init` records the version each projection is built
 * with (if none is recorded yet), and every batch is fenced: the projections' generations
 * are read before anything else and checked again inside the commit, so a batch begun
 * before a rebuilt read model was swapped in is refused and retried against the new one.
 *
 * Each document is read at most once and written at most once per batch, however many of
 * the batch's events touch it; bigger batches mean fewer reads, writes and transactions.
 */
export class ProjectionRunner {
  constructor(
    private readonly store: ReadModelStore,
    readonly projections: readonly Projection[],
    private readonly options: RunnerOptions = {},
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
        const { commit } = await prepareBatch(this.store, this.projections, batch, this.options);
        return await this.store.commit(commit);
      } catch (error) {
        if (!(error instanceof ConcurrentDocUpdate) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Applies `batches` in order with the effect of `handle` on each in turn, but prepares
   * each batch (its reads and fold) while the one before commits, so that the database
   * writes one batch while this process folds the next. The batch being prepared takes what
   * the committing one writes from its overlay, not from the store; the rest of the store
   * the committing batch does not touch. Commits wait for each other, so they (and the
   * checkpoints with them) land in order. A commit refused as a conflict is applied again
   * by `handle`, and the batch after it prepared afresh. `committed` is called after each
   * batch has committed, in order; when anything fails, nothing is left running.
   */
  async handleInOrder(batches: AsyncIterable<readonly StoredEvent[]>, committed: (batch: readonly StoredEvent[]) => void | Promise<void> = () => undefined): Promise<void> {
    let inFlight: { batch: readonly StoredEvent[]; overlay: Overlay; commit: Promise<void> } | undefined;
    /** Waits for the batch in flight; false if it had to be applied again (its overlay is then wrong). */
    const settle = async (): Promise<boolean> => {
      if (!inFlight) return true;
      const { batch, commit } = inFlight;
      inFlight = undefined;
      let asPrepared = true;
      try {
        await commit;
      } catch (error) {
        if (!(error instanceof ConcurrentDocUpdate)) throw error;
        await this.handle(batch);
        asPrepared = false;
      }
      await committed(batch);
      return asPrepared;
    };
    try {
      for await (const batch of batches) {
        if (batch.length === 0) continue;
        const speculative = prepareBatch(this.store, this.projections, batch, { ...this.options, ...(inFlight && { overlay: inFlight.overlay }) });
        speculative.catch(() => undefined); // awaited below, once the batch in flight has settled
        let prepared: PreparedBatch;
        try {
          if (await settle()) {
            prepared = await speculative;
          } else {
            // Prepared from an overlay that did not come true: prepare it again from the store.
            await speculative.catch(() => undefined);
            prepared = await prepareBatch(this.store, this.projections, batch, this.options);
          }
        } finally {
          await speculative.catch(() => undefined);
        }
        const commit = this.store.commit(prepared.commit);
        commit.catch(() => undefined); // awaited by the next settle
        inFlight = { batch, overlay: prepared.overlay, commit };
      }
    } catch (error) {
      await inFlight?.commit.catch(() => undefined);
      throw error;
    }
    await settle();
  }
}
