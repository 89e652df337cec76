import type { EventMetadata, StoredEvent } from '@poc/domain';
import { EventStoreUnavailable, type IdempotencyRecord } from '../event-store.port';

export type EventRow = Readonly<{
  position: number;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  data: string;
  metadata: string;
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

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  id: row.id,
  type: row.type,
  schemaVersion: row.schema_version,
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  position: row.position,
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
  data: JSON.parse(row.data) as unknown,
  metadata: JSON.parse(row.metadata) as EventMetadata,
});

export const toIdempotencyRecord = (row: IdempotencyRow): IdempotencyRecord => ({
  key: row.key,
  requestHash: row.request_hash,
  streamId: row.stream_id,
  nextVersion: row.next_version,
  lastPosition: row.last_position,
  recordedAt: row.created_at,
});

/** Failures of the storage itself (disk, space, file, lock): the append did not happen. */
const UNAVAILABLE = /^SQLITE_(IOERR|FULL|CANTOPEN|BUSY|LOCKED|READONLY|PROTOCOL|NOMEM)/;

/** Maps SQLite's I/O and lock errors to `EventStoreUnavailable`; other errors pass through. */
export const mapSqliteError = (error: unknown): unknown => {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE.test(code)) {
    return new EventStoreUnavailable(`SQLite event store unavailable (${code}): ${(error as Error).message}`, {
      cause: error,
    });
  }
  return error;
};
