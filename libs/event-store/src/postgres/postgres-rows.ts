import type { EventMetadata, StoredEvent } from '@poc/domain';
import { EventStoreUnavailable, type IdempotencyRecord } from '../event-store.port';

/** An `events` row as `pg` returns it: BIGINT as a string, JSONB already parsed. */
export type EventRow = Readonly<{
  position: string;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  data: unknown;
  metadata: EventMetadata;
}>;

/** An `idempotency_keys` row read through `to_jsonb` (BIGINTs come back as JSON numbers). */
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

/** BIGINT → JS number; positions beyond 2^53 would be a bug long before they happen. */
export const toPosition = (value: string | number | null | undefined): number => {
  const position = Number(value ?? 0);
  if (!Number.isSafeInteger(position)) throw new RangeError(`position ${String(value)} is not a safe integer`);
  return position;
};

export const toStoredEvent = (row: EventRow): StoredEvent => ({
  id: row.id,
  type: row.type,
  schemaVersion: row.schema_version,
  streamId: row.stream_id,
  streamVersion: row.stream_version,
  position: toPosition(row.position),
  occurredAt: row.occurred_at,
  recordedAt: row.recorded_at,
  data: row.data,
  metadata: row.metadata,
});

export const toIdempotencyRecord = (row: IdempotencyRow): IdempotencyRecord => ({
  key: row.key,
  requestHash: row.request_hash,
  streamId: row.stream_id,
  nextVersion: row.next_version,
  lastPosition: toPosition(row.last_position),
  recordedAt: row.created_at,
});

/** Socket-level failures reported by Node (the server cannot be reached, or went away). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
]);

/**
 * SQLSTATEs meaning "the database cannot take this now", not "the request is wrong":
 * 08 connection exceptions; 53 insufficient resources (disk full, out of memory, too many
 * connections); 58 system errors (I/O); 57P01-03 admin/crash shutdown, cannot connect now;
 * 57014 statement timeout or cancel; 55P03 lock timeout; 25P03 idle-in-transaction timeout;
 * 25006 read-only transaction (connected to a standby after a failover); 28 authentication
 * and 3D000 unknown database (the store cannot be used at all).
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|58|28)|^(57P0[123]|57014|55P03|25P03|25006|3D000)$/;

/** Errors that node-postgres raises itself, without a code, when the connection is lost. */
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout expired|Query read timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end|The server does not support SSL|There was an error establishing an SSL connection)/;

const isUnavailable = (error: unknown, depth = 0): boolean => {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || (code.length === 5 && UNAVAILABLE_SQLSTATE.test(code)))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  // Node's happy-eyeballs connect reports an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((e) => isUnavailable(e, depth + 1))) return true;
  return isUnavailable(cause, depth + 1);
};

/** Maps connection and resource failures to `EventStoreUnavailable`; other errors pass through. */
export const mapPostgresError = (error: unknown, context = 'PostgreSQL event store unavailable'): unknown => {
  if (error instanceof EventStoreUnavailable || !isUnavailable(error)) return error;
  const code = (error as { code?: unknown }).code;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailable(`${context}${typeof code === 'string' ? ` (${code})` : ''}: ${reason}`, { cause: error });
};

