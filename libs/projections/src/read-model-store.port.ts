import type { CollectionSpec, ColumnValue, Projection } from './projection';

export type Condition = Readonly<{
  column: string;
  op: '=' | '<' | '<=' | '>' | '>=' | 'in' | 'is-null' | 'not-null';
  value?: ColumnValue | readonly ColumnValue[];
}>;

export type FindQuery = Readonly<{
  where?: readonly Condition[];
  orderBy?: readonly Readonly<{ column: string; desc?: boolean }>[];
  limit?: number;
  offset?: number;
}>;

export type StoredDoc = Readonly<{ key: string; doc: unknown; rev: number }>;

export type DocWrite = Readonly<{
  collection: CollectionSpec;
  key: string;
  /** undefined deletes. */
  doc: unknown;
  columns: Readonly<Record<string, ColumnValue>>;
  /** The revision the document had when loaded (0 = absent); a mismatch aborts the commit. */
  expectedRev: number;
}>;

/** What a batch changes, written in one transaction together with the checkpoints. */
export type ReadModelCommit = Readonly<{
  writes: readonly DocWrite[];
  checkpoints: readonly Readonly<{ projection: string; position: number }>[];
  /**
   * Per projection, the last applied version of each stream: a redelivered event is skipped.
   * `first`: the runner found no version of this stream, so a store may insert the row
   * without looking for one (a row there after all must fail the commit, never be lost).
   */
  streamVersions: readonly Readonly<{ projection: string; streamId: string; version: number; first?: boolean }>[];
  /**
   * Blue/green fence (optional): the generation of each projection when the batch began
   * reading. If one has changed by commit time — a rebuilt read model was swapped in — the
   * commit is refused with `ReadModelSwapped`, so no batch folded from the old tables lands
   * in the new ones. See `BlueGreenReadModelStore`.
   */
  generations?: readonly Readonly<{ projection: string; generation: number }>[];
}>;

export class ConcurrentDocUpdate extends Error {
  constructor(collection: string, key: string) {
    super(`document ${collection}/${key} was changed by another projector`);
    this.name = 'ConcurrentDocUpdate';
  }
}

/** A rebuilt read model was swapped in while a batch was being applied: reload and retry it. */
export class ReadModelSwapped extends ConcurrentDocUpdate {
  constructor(readonly projection: string) {
    super(projection, '*');
    this.message = `read model ${projection} was replaced by a rebuilt one while this batch was applied`;
    this.name = 'ReadModelSwapped';
  }
}

/** Injection token of the ReadModelStore port. */
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

export interface ReadModelStore {
  ensureCollections(specs: readonly CollectionSpec[]): Promise<void>;
  load(collection: CollectionSpec, keys: readonly string[]): Promise<Map<string, StoredDoc>>;
  appliedVersions(projection: string, streamIds: readonly string[]): Promise<Map<string, number>>;
  commit(commit: ReadModelCommit): Promise<void>;
  checkpoint(projection: string): Promise<number>;
  find<Doc = unknown>(collection: CollectionSpec, query?: FindQuery): Promise<Doc[]>;
  /**
   * Like `find`, but only the named columns (`key` or the collection's), each row their values
   * in that order, not the documents: with an index holding them all, the table is never read
   * (GET /deterrence's incidents). Arrays, not objects: better-sqlite3 builds them ~2× faster.
   */
  findRows(collection: CollectionSpec, columns: readonly string[], query?: FindQuery): Promise<ColumnValue[][]>;
  countBy(collection: CollectionSpec, groupBy: readonly string[], where?: readonly Condition[]): Promise<Array<Record<string, ColumnValue> & { count: number }>>;
  close(): Promise<void>;
}

// ── Blue/green rebuilds ────────────────────────────────────────────────────────────────
//
// A read model is rebuilt beside the live one, under the projection name `<name>__next`:
// table `rm_<collection>__next`, its own checkpoint and stream-version rows. Queries and the
// live projector keep using `<name>` meanwhile. Once the shadow has caught up, one
// transaction applies the last events to it and swaps it in: tables renamed, checkpoint and
// stream versions moved, the build recorded with a new generation. docs/analysts.md has the
// guarantees.

export const SHADOW_SUFFIX = '__next';

export const shadowName = (name: string): string => `${name}${SHADOW_SUFFIX}`;

export const isShadowName = (name: string): boolean => name.endsWith(SHADOW_SUFFIX);

/** The same projection writing to its shadow: the runner builds it like any other. */
export const shadowOf = <Doc>(projection: Projection<Doc>): Projection<Doc> => ({
  ...projection,
  name: shadowName(projection.name),
  collection: { ...projection.collection, name: shadowName(projection.collection.name) },
});

/**
 * What the store remembers of a projection's read model: the `version` of the code it was
 * built with, and how many times a rebuild was swapped in (`generation`, 0 = never).
 */
export type ProjectionBuild = Readonly<{ projection: string; version: number; generation: number; builtAt: string }>;

/** A shadow to swap in for the live read model of `projection`; `version` is what built it. */
export type ShadowSwap = Readonly<{ projection: string; collection: CollectionSpec; version: number }>;

export type SwapResult = Readonly<{
  /** The position the swapped-in read models had reached (their checkpoint). */
  position: number;
  /** The new generation of each swapped projection. */
  generations: ReadonlyMap<string, number>;
}>;

export interface BlueGreenReadModelStore extends ReadModelStore {
  /** Every recorded build, live and shadow, by projection name. */
  builds(): Promise<Map<string, ProjectionBuild>>;
  /**
   * Records the version of each projection that has none yet (its first writer's code);
   * one already recorded is left as it is. The runner calls it in `init`.
   */
  registerBuilds(builds: readonly Readonly<{ projection: string; version: number }>[]): Promise<void>;
  /** The generation of each named projection; absent = 0. What the runner's fence compares. */
  generations(projections: readonly string[]): Promise<Map<string, number>>;
  /** Drops a shadow: its table, checkpoint, stream versions and build record. Idempotent. */
  dropShadow(projection: string, collection: CollectionSpec): Promise<void>;
  /**
   * The keys of a collection's documents in the store's order, at most `limit` after `after`
   * ('' = from the start; then the last key of the previous page): how a resumed rebuild
   * learns what its shadow holds already.
   */
  documentKeys(collection: CollectionSpec, after: string, limit: number): Promise<string[]>;
  /** Likewise, the streams a projection has a version of (`appliedVersions`). */
  appliedStreams(projection: string, after: string, limit: number): Promise<string[]>;
  /**
   * Readies the shadows for their swap, outside any lock, once they hold nearly everything:
   * PostgreSQL builds their secondary indexes here (at once, from the finished table: far
   * cheaper than keeping them up to date row by row). SQLite, which cannot rename an index,
   * builds them inside the swap. Optional for the caller: `swapShadows` makes sure of it.
   */
  prepareShadows(swaps: readonly ShadowSwap[]): Promise<void>;
  /**
   * In ONE transaction, which keeps the live projectors' commits out of these read models:
   * `catchUp` applies the last events to the shadows through the store it is given (it must
   * write through that one, inside the transaction) and returns; then each shadow replaces
   * its live read model. Queries see the old read models until the commit and the new ones
   * after, never neither; a projector batch begun before the swap is refused
   * (`ReadModelSwapped`) and retried against the new tables.
   */
  swapShadows(swaps: readonly ShadowSwap[], catchUp: (inTransaction: ReadModelStore) => Promise<void>): Promise<SwapResult>;
}

export const supportsBlueGreen = (store: ReadModelStore): store is BlueGreenReadModelStore =>
  typeof (store as Partial<BlueGreenReadModelStore>).swapShadows === 'function';
