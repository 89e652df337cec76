import type { EventStore } from '@poc/event-store';
import {
  ProjectionRunner,
  shadowName,
  shadowOf,
  type BlueGreenReadModelStore,
  type Projection,
  type ReadModelStore,
} from '@poc/projections';
import { NO_PROGRESS, type Progress } from '../shared/progress';
import { eventPages } from './event-pages';
import { shadowPresence } from './shadow-presence';

export type RebuildOptions = Readonly<{
  eventStore: EventStore;
  store: BlueGreenReadModelStore;
  projections: readonly Projection[];
  /** Discard any shadow build left by an earlier run instead of resuming it. */
  restart?: boolean;
  batchSize?: number;
  /** At most this many events per second (spares a shared database); unlimited by default. */
  maxRate?: number;
  progress?: Progress;
  /** Lines for the operator (stderr). */
  say?: (line: string) => void;
  /** Called after each committed shadow batch, with the position reached (tests use it to interrupt). */
  afterBatch?: (position: number) => void | Promise<void>;
}>;

export type RebuiltProjection = Readonly<{ name: string; version: number; generation: number; documents: number; resumedFrom: number }>;

export type RebuildReport = Readonly<{
  projections: readonly RebuiltProjection[];
  /** Where the shadow build started this run (0 from scratch, more when resumed). */
  fromPosition: number;
  /** The position the swapped-in read models had reached. */
  position: number;
  /** Events applied this run, before the swap and in its final catch-up. */
  events: number;
  finalEvents: number;
  seconds: number;
  /** Readying the shadows before the swap (PostgreSQL builds their indexes), with nothing locked. */
  prepareMs: number;
  /** The swap's transaction: the final catch-up and the swap itself, the read models locked. */
  swapMs: number;
}>;

/**
 * Events per shadow transaction. Each document is read and written once per batch and each
 * commit rewrites every B-tree page it touches, so bigger batches cost less per event; but
 * three are in memory at once (one read ahead, one folding, one committing), so peak memory
 * grows with the batch size. 10,000 keeps it near half a gigabyte (docs/performance.md).
 */
const DEFAULT_BATCH = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Blue/green rebuild of `projections`: build each into its shadow (`<name>__next`) from the
 * event store while the live read models keep serving, resuming a shadow left by an
 * interrupted run when it was built by the same code version; catch up to the head; then
 * let the store, in one transaction, apply the last events and swap the shadows in.
 */
export const rebuildReadModels = async (options: RebuildOptions): Promise<RebuildReport> => {
  const { eventStore, store, projections } = options;
  const say = options.say ?? (() => undefined);
  const progress = options.progress ?? NO_PROGRESS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const started = Date.now();

  // 1. The shadows: resume those built by this code version, start the others afresh.
  const builds = await store.builds();
  const resumable = new Set<string>();
  for (const projection of projections) {
    const shadow = builds.get(shadowName(projection.name));
    if (shadow && shadow.version === projection.version && !options.restart) {
      resumable.add(projection.name);
      continue;
    }
    if (shadow) {
      say(
        shadow.version === projection.version
          ? `discarding the unfinished rebuild of ${projection.name} (--restart)`
          : `discarding the unfinished rebuild of ${projection.name}: it was built with v${shadow.version}, the code is at v${projection.version}`,
      );
    }
    await store.dropShadow(projection.name, projection.collection);
  }
  const shadows = projections.map(shadowOf);
  const resumedFrom = new Map<string, number>();
  for (const projection of projections) {
    const at = resumable.has(projection.name) ? await store.checkpoint(shadowName(projection.name)) : 0;
    resumedFrom.set(projection.name, at);
    if (at > 0) say(`resuming the rebuild of ${projection.name} (v${projection.version}) from position ${at}`);
  }
  const presence = await shadowPresence(store, projections, resumable, await eventStore.lastPosition());
  const runner = new ProjectionRunner(store, shadows, { presence });
  await runner.init();

  // 2. Catch up with the store while the live read models keep serving.
  const fromPosition = await runner.position();
  let position = fromPosition;
  let head = await eventStore.lastPosition();
  let events = 0;
  progress.start(head - fromPosition);
  const pages = eventPages(eventStore, fromPosition, batchSize, (now) => (head = Math.max(head, now)));
  try {
    // Each batch is folded while the one before commits; `afterBatch` hears of each once committed.
    await runner.handleInOrder(pages, async (batch) => {
      position = batch[batch.length - 1]!.position;
      events += batch.length;
      head = Math.max(head, position);
      progress.update(position - fromPosition, events, head - fromPosition);
      await options.afterBatch?.(position);
      if (options.maxRate) {
        const due = (events / options.maxRate) * 1000 - (Date.now() - started);
        if (due > 0) await sleep(due);
      }
    });
  } finally {
    progress.stop();
  }

  // 3. What the shadows need before the swap (PostgreSQL: their indexes), while nothing is locked.
  const swaps = projections.map((p) => ({ projection: p.name, collection: p.collection, version: p.version }));
  const prepareStarted = Date.now();
  await store.prepareShadows(swaps);
  const prepareMs = Date.now() - prepareStarted;

  // 4. One transaction: the events appended meanwhile, then the swap.
  let finalEvents = 0;
  const swapStarted = Date.now();
  const swapped = await store.swapShadows(
    swaps,
    async (inTransaction: ReadModelStore) => {
      const last = new ProjectionRunner(inTransaction, shadows, { presence });
      // The head as of now, with the live projectors' commits held off: every event they
      // have applied is at or below it; what comes later they apply to the new tables.
      const target = await eventStore.lastPosition();
      for (let at = position; at < target; ) {
        const batch = await eventStore.readAll({ fromPosition: at, limit: batchSize });
        if (batch.length === 0) break;
        await last.handle(batch);
        at = batch[batch.length - 1]!.position;
        finalEvents += batch.length;
      }
    },
  );
  const swapMs = Date.now() - swapStarted;

  const rebuilt: RebuiltProjection[] = [];
  for (const p of projections) {
    const [counted] = await store.countBy(p.collection, []);
    rebuilt.push({
      name: p.name,
      version: p.version,
      generation: swapped.generations.get(p.name) ?? 0,
      documents: counted?.count ?? 0,
      resumedFrom: resumedFrom.get(p.name) ?? 0,
    });
  }
  return {
    projections: rebuilt,
    fromPosition,
    position: swapped.position,
    events: events + finalEvents,
    finalEvents,
    seconds: (Date.now() - started) / 1000,
    prepareMs,
    swapMs,
  };
};
