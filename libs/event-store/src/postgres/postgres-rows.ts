import type { StoredEvent } from '@poc/domain';
import { EventStoreUnavailable, type IdempotencyRecord } from '../event-store.port';
import { EVENT_COLUMNS, rowToStoredEvent, toIdempotencyRecord as toIdempotencyRecordOf, type EventRowOf, type IdempotencyRow } from '../store-rows';

/** An `events` row as `pg` returns it: BIGINT as a string, JSONB already parsed. */
export type EventRow = EventRowOf<string, unknown>;
/** `idempotency_keys` rows are read through `to_jsonb` (BIGINTs come back as JSON numbers). */
export { EVENT_COLUMNS, type IdempotencyRow };

/** BIGINT → JS number; positions beyond 2^53 would be a bug long before they happen. */
export const toPosition = (value: string | number | null | undefined): number => {
  const position = Number(value ?? 0);
  if (!Number.isSafeInteger(position)) throw new RangeError(`position ${String(value)} is not a safe integer`);
  return position;
};

export const toStoredEvent = (row: EventRow): StoredEvent => rowToStoredEvent(row, toPosition, (j) => j);

export const toIdempotencyRecord = (row: IdempotencyRow): IdempotencyRecord => toIdempotencyRecordOf(row, toPosition);

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

const isUnavailableCause = (error: unknown, depth = 0): boolean => {
  if (error === null || typeof error !== 'object' || depth > 3) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || (code.length === 5 && UNAVAILABLE_SQLSTATE.test(code)))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  // Node's happy-eyeballs connect reports an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((e) => isUnavailableCause(e, depth + 1))) return true;
  return isUnavailableCause(cause, depth + 1);
};

/** True for an error `mapPostgresError` turns into (or that already is) `EventStoreUnavailable`. */
export const isUnavailable = (error: unknown): boolean => error instanceof EventStoreUnavailable || isUnavailableCause(error);

/** Maps connection and resource failures to `EventStoreUnavailable`; other errors pass through. */
export const mapPostgresError = (error: unknown, context = 'PostgreSQL event store unavailable'): unknown => {
  if (error instanceof EventStoreUnavailable || !isUnavailableCause(error)) return error;
  const code = (error as { code?: unknown }).code;
  const reason = error instanceof Error ? error.message : String(error);
  return new EventStoreUnavailable(`${context}${typeof code === 'string' ? ` (${code})` : ''}: ${reason}`, { cause: error });
};

