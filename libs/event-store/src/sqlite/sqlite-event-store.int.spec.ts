import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailable } from '../event-store.port';
import { eventStoreContract, tempFileStore, anEvent, rejectionOf, someEvents, appendUntilKilled } from '@poc/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'poc-event-store-'));

eventStoreContract('SQLite', tempFileStore(tempDir, (file) => new SqliteEventStore(file)));

describe('SqliteEventStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('finds its events again after close and reopen', async () => {
    const store = new SqliteEventStore(file);
    const written = await store.append('alert-1', someEvents(3), { idempotency: { key: 'k', requestHash: 'h' } });
    await store.close();
    const reopened = new SqliteEventStore(file);
    try {
      expect(await reopened.readStream('alert-1')).toEqual(written.events);
      expect(await reopened.lastPosition()).toBe(written.lastPosition);
      expect(await reopened.findIdempotent('k')).toMatchObject({ nextVersion: 3 });
      const next = await reopened.append('alert-1', someEvents(1, 4), { expectedVersion: 3 });
      expect(next.events[0]).toMatchObject({ streamVersion: 4, position: written.lastPosition + 1 });
    } finally {
      await reopened.close();
    }
  });

  it('keeps every acknowledged append of a process killed with SIGKILL', async () => {
    const { signal, stderr, acked, killAfter } = await appendUntilKilled(file, 'tick-1');
    expect({ signal, stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);
    expect(existsSync(`${file}-wal`)).toBe(true); // not closed cleanly: recovery goes through the WAL

    const reopened = new SqliteEventStore(file);
    try {
      const stream = await reopened.readStream('tick-1');
      const stored = new Set(stream.map((e) => e.position));
      expect(acked.filter((p) => !stored.has(p))).toEqual([]);
      expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
      expect(stream.map((e) => (e.data as { n: number }).n)).toEqual(stream.map((_, i) => i + 1));
    } finally {
      await reopened.close();
    }
  });

  it('sets the durability pragmas as documented', async () => {
    const store = new SqliteEventStore(file);
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL', busyTimeoutMs: 5000, foreignKeys: true });
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal'); // stored in the file
    raw.close();
  });

  it('shares a Database handle with read models, configures it and leaves it open on close', async () => {
    const db = new Database(file);
    db.exec('CREATE TABLE alerts_view (id TEXT PRIMARY KEY)');
    const store = new SqliteEventStore(db, { busyTimeoutMs: 1234 });
    expect(store.settings()).toMatchObject({ synchronous: 'FULL', busyTimeoutMs: 1234 });
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    await store.append('alert-1', someEvents(1));
    db.exec('BEGIN');
    await expect(store.append('alert-1', someEvents(1))).rejects.toThrow('inside an open transaction');
    db.exec('ROLLBACK');
    await store.close();
    expect(db.open).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    await expect(store.readAll()).rejects.toThrow(EventStoreUnavailable);
    db.close();
  });

  it('rolls back the whole append when an insert fails half-way', async () => {
    const db = new Database(file);
    await new SqliteEventStore(db).close(); // creates the schema, leaves the shared handle open
    // The trigger must exist before the store prepares its statements: a statement prepared
    // earlier does not always notice a TEMP trigger (the temp schema is not one it reads).
    db.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON main.events WHEN NEW.type = 'Poison'
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
    const store = new SqliteEventStore(db);
    const events = [anEvent('Fine'), anEvent('Fine'), anEvent('Poison')];
    // Matched by message, not with toThrow: better-sqlite3's native addon is loaded once per
    // process and keeps the SqliteError class of the first test file that loaded it, so in a
    // jest worker that ran another SQLite suite first, the error comes from another realm and
    // `rejects.toThrow` reports "did not throw".
    expect(await rejectionOf(store.append('alert-1', events, { idempotency: { key: 'k', requestHash: 'h' } }))).toMatchObject({
      message: expect.stringContaining('poisoned'),
    });
    expect(await store.lastPosition()).toBe(0);
    expect(await store.findIdempotent('k')).toBeUndefined();
    await store.close();
    db.close();
  });

  it('maps I/O and lock failures to EventStoreUnavailable', async () => {
    expect(() => new SqliteEventStore(join(dir, 'missing', 'events.db'))).toThrow(EventStoreUnavailable);
    expect(() => new SqliteEventStore(dir)).toThrow(EventStoreUnavailable); // a directory: SQLITE_CANTOPEN
    const store = new SqliteEventStore(file, { busyTimeoutMs: 100 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await expect(store.append('alert-1', someEvents(1))).resolves.toMatchObject({ nextVersion: 1 });
    await store.close();
    await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
  });
});
