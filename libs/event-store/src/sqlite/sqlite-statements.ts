import Database from 'better-sqlite3';
import { EventStoreUnavailable } from '../event-store.port';
import { EVENT_COLUMNS, type EventRow, type IdempotencyRow } from './sqlite-rows';

type Head = { version: number; position: number };

export const openFile = (path: string): Database.Database => {
  try {
    return new Database(path);
  } catch (error) {
    // better-sqlite3 reports a missing directory as a TypeError before SQLite's SQLITE_CANTOPEN.
    throw new EventStoreUnavailable(`cannot open the SQLite event store at ${path}`, { cause: error });
  }
};

/** Prepared once per store; better-sqlite3 statements are bound to their connection. */
export const prepareStatements = (db: Database.Database) => ({
  head: db.prepare<[string], Head>(
    'SELECT stream_version AS version, position FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
  ),
  insert: db.prepare<[Omit<EventRow, 'position'>]>(
    `INSERT INTO events (id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, data, metadata)
     VALUES (@id, @stream_id, @stream_version, @type, @schema_version, @occurred_at, @recorded_at, @data, @metadata)`,
  ),
  stream: db.prepare<[string], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? ORDER BY stream_version`),
  range: db.prepare<[string, number, number], EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND position BETWEEN ? AND ? ORDER BY position`,
  ),
  all: db.prepare<[number, number], EventRow>(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
  last: db.prepare<[], { position: number }>('SELECT COALESCE(MAX(position), 0) AS position FROM events'),
  key: db.prepare<[string], IdempotencyRow>('SELECT * FROM idempotency_keys WHERE key = ?'),
  claim: db.prepare<[IdempotencyRow]>(
    `INSERT INTO idempotency_keys (key, request_hash, stream_id, first_position, last_position, next_version, created_at)
     VALUES (@key, @request_hash, @stream_id, @first_position, @last_position, @next_version, @created_at)`,
  ),
});

export type Statements = ReturnType<typeof prepareStatements>;
