import type { StoredEvent } from '@poc/domain';
import { EventStoreUnavailable } from '../event-store.port';
import { EVENT_COLUMNS, rowToStoredEvent, toIdempotencyRecord, type EventRowOf, type IdempotencyRow } from '../store-rows';

export type EventRow = EventRowOf<number, string>;
export { EVENT_COLUMNS, toIdempotencyRecord, type IdempotencyRow };

export const toStoredEvent = (row: EventRow): StoredEvent => rowToStoredEvent(row, (p) => p, (j) => JSON.parse(j) as unknown);

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
