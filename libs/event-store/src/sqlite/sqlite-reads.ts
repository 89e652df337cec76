import type { StoredEvent } from '@poc/domain';
import type { IdempotencyRecord, ReadAllOptions } from '../event-store.port';
import { toIdempotencyRecord, toStoredEvent } from './sqlite-rows';
import type { Statements } from './sqlite-statements';

/**
 * The read side of the SQLite store, shared by the in-thread store and the threaded one (whose
 * reads stay on the request thread). `run` is the store's guard: it refuses a closed store and
 * maps SQLite's errors.
 */
export const sqliteReads = (sql: Statements, run: <T>(work: () => T) => T) => ({
  findIdempotent: async (key: string): Promise<IdempotencyRecord | undefined> => {
    const row = run(() => sql.key.get(key));
    return row && toIdempotencyRecord(row);
  },
  readStream: async (streamId: string): Promise<readonly StoredEvent[]> => run(() => sql.stream.all(streamId).map(toStoredEvent)),
  readAll: async (options: ReadAllOptions = {}): Promise<readonly StoredEvent[]> => {
    const limit = options.limit ?? 1000;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    return run(() => sql.all.all(options.fromPosition ?? 0, limit).map(toStoredEvent));
  },
  lastPosition: async (): Promise<number> => run(() => sql.last.get()?.position ?? 0),
});

export type SqliteReads = ReturnType<typeof sqliteReads>;
