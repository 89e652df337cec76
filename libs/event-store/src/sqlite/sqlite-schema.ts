import type Database from 'better-sqlite3';

/**
 * `events.position` is the rowid (AUTOINCREMENT: never reused, even after deleting the
 * newest rows), so it is the global order. Writers are serialised by SQLite's single write
 * lock (BEGIN IMMEDIATE), so positions become visible in order and without gaps from
 * rolled-back appends.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL DEFAULT 1,
  occurred_at    TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  UNIQUE (stream_id, stream_version)
) STRICT;

CREATE TABLE IF NOT EXISTS idempotency_keys (
  key            TEXT    PRIMARY KEY,
  request_hash   TEXT    NOT NULL,
  stream_id      TEXT    NOT NULL,
  first_position INTEGER,
  last_position  INTEGER NOT NULL,
  next_version   INTEGER NOT NULL,
  created_at     TEXT    NOT NULL
) STRICT;
`;

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

export type SqliteSettings = Readonly<{
  journalMode: string;
  synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';
  busyTimeoutMs: number;
  foreignKeys: boolean;
}>;

const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;

/**
 * Durability settings, applied on every connection (synchronous, busy_timeout and
 * foreign_keys are per connection; journal_mode=WAL is stored in the file).
 * WAL + synchronous=FULL: every commit fsyncs the WAL before it returns, so an
 * acknowledged append survives a process kill, an OS crash and a power cut. With NORMAL
 * the WAL is only synced at checkpoints, and the last commits can be lost on power loss.
 */
export const configureConnection = (db: Database.Database, busyTimeoutMs: number): void => {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase();
  if (mode !== 'wal' && !db.memory) {
    throw new Error(`SQLite refused journal_mode=WAL for ${db.name} (got ${mode})`);
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
};

export const createSchema = (db: Database.Database): void => {
  db.exec(SCHEMA_SQL);
};

export const readSettings = (db: Database.Database): SqliteSettings => ({
  journalMode: String(db.pragma('journal_mode', { simple: true })).toLowerCase(),
  synchronous: SYNCHRONOUS[Number(db.pragma('synchronous', { simple: true }))] ?? 'OFF',
  busyTimeoutMs: Number(db.pragma('busy_timeout', { simple: true })),
  foreignKeys: Number(db.pragma('foreign_keys', { simple: true })) === 1,
});
