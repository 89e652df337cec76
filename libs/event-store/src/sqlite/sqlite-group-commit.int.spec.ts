import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailable, type AppendResult } from '../event-store.port';
import { anEvent, positionsOf, someEvents } from '@poc/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store';

/** Settles every promise: a result, or the error it rejected with. */
const settle = (appends: Promise<AppendResult>[]) => Promise.all(appends.map((a) => a.then((r): AppendResult | Error => r, (e: Error) => e)));

describe('SqliteEventStore group commit', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'poc-event-store-'));
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits the appends made in one turn in one transaction: listeners hear it once', async () => {
    const store = new SqliteEventStore(file);
    try {
      const heard: number[] = [];
      store.onAppended((p) => heard.push(p));
      const written = await Promise.all(Array.from({ length: 20 }, (_, i) => store.append(`s-${i % 5}`, someEvents(1 + (i % 2)))));
      expect(heard).toEqual([Math.max(...written.map((r) => r.lastPosition))]);
      expect(positionsOf(await store.readAll())).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    } finally {
      await store.close();
    }
  });

  it('rolls back only the append that fails half-way, the rest of its group commits', async () => {
    const db = new Database(file);
    await new SqliteEventStore(db).close();
    db.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON main.events WHEN NEW.type = 'Poison'
             BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
    const store = new SqliteEventStore(db);
    try {
      const settled = await settle([
        store.append('a', someEvents(2)),
        store.append('b', [anEvent('Fine'), anEvent('Fine'), anEvent('Poison')], { idempotency: { key: 'k', requestHash: 'h' } }),
        store.append('c', someEvents(1)),
      ]);
      // By message: better-sqlite3's SqliteError may come from another realm (see sqlite-event-store.int.spec.ts).
      expect(settled[1]).toMatchObject({ message: expect.stringContaining('poisoned') });
      expect(settled[0]).toMatchObject({ nextVersion: 2 });
      expect(settled[2]).toMatchObject({ nextVersion: 1 });
      expect(await store.readStream('b')).toEqual([]);
      expect(await store.findIdempotent('k')).toBeUndefined();
      expect((await store.readAll()).map((e) => e.streamId)).toEqual(['a', 'a', 'c']);
      expect(positionsOf(await store.readAll())).toEqual([1, 2, 3]); // the savepoint's rowids were given back
    } finally {
      await store.close();
      db.close();
    }
  });

  it('fails the whole group with EventStoreUnavailable when the write lock cannot be had, storing nothing', async () => {
    const store = new SqliteEventStore(file, { busyTimeoutMs: 100 });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const settled = await settle([store.append('a', someEvents(1)), store.append('b', someEvents(1))]);
      settled.forEach((error) => expect(error).toBeInstanceOf(EventStoreUnavailable));
      other.exec('ROLLBACK');
      expect(await store.lastPosition()).toBe(0);
      await expect(store.append('a', someEvents(1))).resolves.toMatchObject({ lastPosition: 1 });
    } finally {
      other.close();
      await store.close();
    }
  });

  it('refuses a group when its shared handle entered a transaction after the call', async () => {
    const db = new Database(file);
    const store = new SqliteEventStore(db);
    try {
      const pending = store.append('a', someEvents(1));
      db.exec('BEGIN');
      await expect(pending).rejects.toThrow('inside an open transaction');
      db.exec('ROLLBACK');
      await expect(store.append('a', someEvents(1))).resolves.toMatchObject({ lastPosition: 1 });
    } finally {
      await store.close();
      db.close();
    }
  });

  it('refuses group limits that are not positive integers', () => {
    for (const groupCommit of [{ maxAppends: 0 }, { maxEvents: -1 }, { maxAppends: Number.NaN }]) {
      expect(() => new SqliteEventStore(file, { groupCommit })).toThrow(RangeError);
    }
  });

  it('answers the appends made before close, and refuses those after', async () => {
    const store = new SqliteEventStore(file);
    const before = store.append('alert-1', someEvents(2));
    await store.close();
    expect(await before).toMatchObject({ nextVersion: 2 });
    await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
    const reopened = new SqliteEventStore(file);
    expect(await reopened.readStream('alert-1')).toHaveLength(2);
    await reopened.close();
  });
});
