import type { EventMetadata, StoredEvent } from '@poc/domain';
import type { IdempotencyRecord } from './event-store.port';

/**
 * The row shapes both SQL adapters share. Drivers differ only in how they hand back
 * BIGINTs (pg: strings) and JSON (SQLite: text), hence the type parameters.
 */
export type EventRowOf<Position, Json> = Readonly<{
  position: Position;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  data: Json;
  metadata: Json;
}>;

export type IdempotencyRow = Readonly<{
  key: string;
  request_hash: string;
  stream_id: string;
  first_position: number | null;
  last_position: number;
  next_version: number;
  created_at: string;
}>;

export const EVENT_COLUMNS =
  'position, id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, data, metadata';

export const rowToStoredEvent = <P, J>(row: EventRowOf<P, J>, position: (p: P) => number, json: (j: J) => unknown): StoredEvent => ({
  id: row.id,
  type: row.type,
  schemaVersion: row.schema_version,
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  position: position(row.position),
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
  data: json(row.data),
  metadata: json(row.metadata) as EventMetadata,
});

export const toIdempotencyRecord = (row: IdempotencyRow, position: (p: number) => number = (p) => p): IdempotencyRecord => ({
  key: row.key,
  requestHash: row.request_hash,
  streamId: row.stream_id,
  nextVersion: row.next_version,
  lastPosition: position(row.last_position),
  recordedAt: row.created_at,
});
