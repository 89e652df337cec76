import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreUnavailable, type AppendResult } from '../../event-store.port';
import { eventStoreContract, tempFileStore, anEvent, rejectionOf, someEvents, type CrashOptions, appendUntilKilled, CRASHING_WRITER_PLUGIN } from '@poc/event-store/testing';
import { SqliteEventStore } from '../sqlite-event-store';
import { ThreadedSqliteEventStore } from './threaded-sqlite-event-store';

const tempDir = () => mkdtempSync(join(tmpdir(), 'poc-threaded-store-'));
const quiet = { onLog: () => undefined };

eventStoreContract('SQLite, writes in a worker thread', tempFileStore(tempDir, (file) => ThreadedSqliteEventStore.open(file, quiet)));

describe('ThreadedSqliteEventStore', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('re-creates the writer thread errors as the same classes here', async () => {
    await expect(ThreadedSqliteEventStore.open(join(dir, 'missing', 'events.db'), quiet)).rejects.toThrow(EventStoreUnavailable);
    const store = await ThreadedSqliteEventStore.open(file, { ...quiet, busyTimeoutMs: 100 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock: the writer thread gives up after 100 ms
    try {
      await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    // A BigInt fails here, alone, as a TypeError, as JSON.stringify makes it in the in-thread store.
    await expect(store.append('alert-1', [anEvent('A', { n: BigInt(1) })])).rejects.toThrow(TypeError);
    await expect(store.append('alert-1', someEvents(1))).resolves.toMatchObject({ nextVersion: 1 });
    await store.close();
    await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
    await expect(store.lastPosition()).rejects.toThrow(EventStoreUnavailable);
  });

  it('waits longer than the in-thread store for a lock held as long as a blue/green swap (6 s), then stores', async () => {
    const store = await ThreadedSqliteEventStore.open(file, quiet);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((resolve) =>
      setTimeout(() => {
        other.exec('ROLLBACK');
        other.close();
        resolve();
      }, 6_000),
    );
    try {
      await expect(store.append('alert-1', someEvents(1))).resolves.toMatchObject({ nextVersion: 1 });
    } finally {
      await released;
      await store.close();
    }
  }, 30_000);

  it('answers every append sent before close(), then refuses', async () => {
    const store = await ThreadedSqliteEventStore.open(file, quiet);
    const sent = Array.from({ length: 20 }, (_, i) => store.append(`s-${i}`, someEvents(1)));
    await store.close();
    expect((await Promise.all(sent)).map((r) => r.nextVersion)).toEqual(sent.map(() => 1));
    const reopened = new SqliteEventStore(file);
    expect(await reopened.lastPosition()).toBe(20);
    await reopened.close();
  });

  it('stores data as its JSON, as the in-thread store does (toJSON kept, functions dropped)', async () => {
    const store = await ThreadedSqliteEventStore.open(file, quiet);
    const data = { when: new Date('2020-03-05T09:30:00Z'), custom: { toJSON: () => 'custom' }, fn: () => 1 };
    const { events } = await store.append('alert-1', [anEvent('A', data)]);
    expect(events[0]!.data).toEqual({ when: '2020-03-05T09:30:00.000Z', custom: 'custom' });
    expect((await store.readStream('alert-1'))[0]!.data).toEqual(events[0]!.data);
    await store.close();
  });

  it.each<CrashOptions['how']>(['exit', 'throw'])(
    'when the writer thread dies (%s), fails what it had not answered with EventStoreUnavailable, keeps every acked append, and hangs nothing',
    async (how) => {
      const store = await ThreadedSqliteEventStore.open(file, quiet);
      await store.startInWriterThread(CRASHING_WRITER_PLUGIN, { afterCommits: 5, how } satisfies CrashOptions);
      const acked: AppendResult[] = [];
      const refused: unknown[] = [];
      // Four writers in a loop, until the thread is gone.
      const writer = async (w: number) => {
        for (let n = 1; ; n++) {
          try {
            acked.push(await store.append(`w-${w}`, [anEvent('Ticked', { n })]));
          } catch (error) {
            refused.push(error);
            return;
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map(writer));
      expect(refused).toHaveLength(4);
      for (const error of refused) expect(error).toBeInstanceOf(EventStoreUnavailable);
      expect(await rejectionOf(store.append('w-0', someEvents(1)))).toBeInstanceOf(EventStoreUnavailable);
      expect(await rejectionOf(store.readAll())).toBeInstanceOf(EventStoreUnavailable); // health reports it down
      await store.close();

      expect(existsSync(`${file}-wal`)).toBe(true); // not closed cleanly
      const reopened = new SqliteEventStore(file);
      try {
        const stored = new Set((await reopened.readAll({ limit: 100_000 })).map((e) => e.id));
        expect(acked.length).toBeGreaterThan(0);
        expect(acked.flatMap((r) => r.events).filter((e) => !stored.has(e.id))).toEqual([]);
      } finally {
        await reopened.close();
      }
    },
  );

  it('keeps every acknowledged append of a process killed with SIGKILL', async () => {
    const { signal, stderr, acked, killAfter } = await appendUntilKilled(file, 'tick-1', ['--threaded']);
    expect({ signal, stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);
    const reopened = new SqliteEventStore(file);
    try {
      const stream = await reopened.readStream('tick-1');
      const stored = new Set(stream.map((e) => e.position));
      expect(acked.filter((p) => !stored.has(p))).toEqual([]);
      expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
    } finally {
      await reopened.close();
    }
  });
});
