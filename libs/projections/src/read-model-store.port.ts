import type { CollectionSpec, ColumnValue } from './projection';

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
  /** Per projection, the last applied version of each stream: a redelivered event is skipped. */
  streamVersions: readonly Readonly<{ projection: string; streamId: string; version: number }>[];
}>;

export class ConcurrentDocUpdate extends Error {
  constructor(collection: string, key: string) {
    super(`document ${collection}/${key} was changed by another projector`);
    this.name = 'ConcurrentDocUpdate';
  }
}

export interface ReadModelStore {
  ensureCollections(specs: readonly CollectionSpec[]): Promise<void>;
  load(collection: CollectionSpec, keys: readonly string[]): Promise<Map<string, StoredDoc>>;
  appliedVersions(projection: string, streamIds: readonly string[]): Promise<Map<string, number>>;
  commit(commit: ReadModelCommit): Promise<void>;
  checkpoint(projection: string): Promise<number>;
  find<Doc = unknown>(collection: CollectionSpec, query?: FindQuery): Promise<Doc[]>;
  countBy(collection: CollectionSpec, groupBy: readonly string[], where?: readonly Condition[]): Promise<Array<Record<string, ColumnValue> & { count: number }>>;
  close(): Promise<void>;
}
