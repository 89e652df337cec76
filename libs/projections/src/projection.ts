import type { StoredEvent } from '@poc/domain';

export type ColumnType = 'text' | 'integer' | 'real';
export type ColumnValue = string | number | null;

/** A read-model table: a JSON document per key plus typed columns to filter and index on. */
export type CollectionSpec = Readonly<{
  name: string;
  columns: Readonly<Record<string, ColumnType>>;
  indexes: readonly (readonly string[])[];
}>;

/**
 * A projection is pure: which documents an event touches, and how it changes each.
 * The runner does the I/O. `evolve` must give the same document for any interleaving of
 * streams that keeps each stream's own order (events from Kafka partitions arrive so).
 */
export type Projection<Doc = unknown> = Readonly<{
  name: string;
  /** Bump when `evolve` changes meaning: the read model must then be rebuilt. */
  version: number;
  collection: CollectionSpec;
  handles: readonly string[];
  // Method signatures (not function properties) keep a Projection<AlertView> usable where
  // any projection is expected.
  keysOf(event: StoredEvent): readonly string[];
  /** Returning undefined deletes the document. */
  evolve(doc: Doc | undefined, event: StoredEvent, key: string): Doc | undefined;
  columnsOf(doc: Doc): Readonly<Record<string, ColumnValue>>;
}>;

export const handlesEvent = (projection: Projection, event: StoredEvent): boolean =>
  projection.handles.includes(event.type);
