import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import type { StoredEvent } from '@poc/domain';
import { EventStoreUnavailable, IdempotencyKeyReused, WrongExpectedVersion, type AppendResult } from '../event-store.port';
import { followAll } from '../follow';
import { anEvent, isStrictlyIncreasing, positionsOf, rejectionOf, someEvents, waitFor } from '@poc/event-store/testing';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: the PostgreSQL event store tests need a server (the int global setup starts one)');

const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(() => admin.end());

type Group = readonly Readonly<{ streamId: string; events: readonly StoredEvent[] }>[];

/** Settles every promise: a result, or the error it rejected with. */
const settle = (appends: Promise<AppendResult>[]) => Promise.all(appends.map((a) => a.then((r): AppendResult | Error => r, (e: Error) => e)));

describe('PostgresEventStore group commit', () => {
  const teardowns: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const teardown of teardowns.splice(0).reverse()) await teardown();
  });
  /** A store in a fresh schema; `groups` records the appends of each transaction, at its COMMIT. */
  const fresh = async (options: PostgresEventStoreOptions = {}, schema = `t_${randomBytes(6).toString('hex')}`) => {
    const groups: Group[] = [];
    const store = await PostgresEventStore.open(
      { connectionString: DATABASE_URL, max: 10 },
      { schema, ...options, beforeCommit: async (appends) => void groups.push(appends), ...(options.beforeCommit && { beforeCommit: options.beforeCommit }) },
    );
    teardowns.push(async () => {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    });
    return { store, schema, groups };
  };

  it('commits appends made together in one transaction, with one NOTIFY for other processes', async () => {
    const { store, schema, groups } = await fresh();
    const other = await PostgresEventStore.open(DATABASE_URL, { schema });
    try {
      const heardHere: number[] = [];
      const heardThere: number[] = [];
      store.onAppended((p) => heardHere.push(p));
      other.onAppended((p) => heardThere.push(p));
      const written = await Promise.all(Array.from({ length: 32 }, (_, i) => store.append(`s-${i}`, someEvents(1 + (i % 2)))));
      expect(groups.map((g) => g.length)).toEqual([32]);
      const last = Math.max(...written.map((r) => r.lastPosition));
      await waitFor(() => heardThere.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heardHere).toEqual([last]);
      expect(heardThere).toEqual([last]);
    } finally {
      await other.close();
    }
  });

  it("applies one process's appends in call order, each checked against the ones before it in its group", async () => {
    const { store, groups } = await fresh();
    const claim = { key: 'k', requestHash: 'h' };
    const settled = await settle([
      store.append('x', someEvents(2), { expectedVersion: 'no-stream' }),
      store.append('x', someEvents(1, 3), { expectedVersion: 2, idempotency: claim }),
      store.append('x', someEvents(1, 3), { expectedVersion: 2, idempotency: claim }), // the retry: a replay
      store.append('x', someEvents(1, 4), { expectedVersion: 2 }), // stale
      store.append('x', [], { expectedVersion: 3 }),
      store.append('x', someEvents(1, 4), { expectedVersion: 3 }),
      store.append('y', someEvents(1), { idempotency: claim }), // the key is taken, on another stream
    ]);
    expect(groups).toHaveLength(1);
    const [first, second, replay, stale, empty, fourth, reused] = settled as [AppendResult, AppendResult, AppendResult, Error, AppendResult, AppendResult, Error];
    expect(first.events.map((e) => e.streamVersion)).toEqual([1, 2]);
    expect(second).toMatchObject({ nextVersion: 3, replayed: false });
    expect(replay).toEqual({ ...second, replayed: true });
    expect(stale).toBeInstanceOf(WrongExpectedVersion);
    expect(stale).toMatchObject({ expected: 2, actual: 3 });
    expect(empty).toMatchObject({ nextVersion: 3, lastPosition: second.lastPosition, events: [] });
    expect(fourth).toMatchObject({ nextVersion: 4, lastPosition: 4 });
    expect(reused).toBeInstanceOf(IdempotencyKeyReused);
    expect((await store.readStream('x')).map((e) => e.position)).toEqual([1, 2, 3, 4]);
  });

  it('refuses U+0000 (which PostgreSQL cannot store) before the append joins a group, the others unaffected', async () => {
    const { store, groups } = await fresh();
    const settled = await settle([
      store.append('good-1', someEvents(1)),
      store.append('bad-data', [anEvent('A', { text: 'a\u0000b' })]),
      store.append('good-2', someEvents(2)),
      store.append('bad-\u0000-stream', someEvents(1)),
      store.append('good-3', someEvents(1)),
    ]);
    for (const i of [1, 3]) {
      expect(settled[i]).not.toBeInstanceOf(EventStoreUnavailable);
      expect(settled[i]).toMatchObject({ code: '22P05' });
    }
    for (const i of [0, 2, 4]) expect(settled[i]).toMatchObject({ replayed: false });
    expect(groups.map((g) => g.length)).toEqual([3]);
    expect(positionsOf(await store.readAll())).toEqual([1, 2, 3, 4]);
  });

  it('fails only the append PostgreSQL refuses, retrying the rest of its group one by one', async () => {
    const { store, groups } = await fresh();
    const settled = await settle([
      store.append('good-1', someEvents(1)),
      store.append('bad-data', [anEvent('A', { text: 'lone \ud800 surrogate' })]), // JSONB refuses it (22P02)
      store.append('good-2', someEvents(2)),
      store.append('bad-version', [{ ...anEvent('B'), schemaVersion: 'two' as unknown as number }]), // not an integer
      store.append('good-3', someEvents(1)),
    ]);
    for (const i of [1, 3]) {
      expect(settled[i]).not.toBeInstanceOf(EventStoreUnavailable);
      expect(settled[i]).toMatchObject({ code: '22P02' });
    }
    for (const i of [0, 2, 4]) expect(settled[i]).toMatchObject({ replayed: false });
    expect(groups.map((g) => g.length)).toEqual([1, 1, 1]); // the group failed, then each good one alone
    expect(positionsOf(await store.readAll())).toEqual([1, 2, 3, 4]);
    expect(await store.readStream('bad-data')).toEqual([]);
  });

  it('caps a group at groupCommit.maxAppends', async () => {
    const { store, groups } = await fresh({ groupCommit: { maxAppends: 4 } });
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.append(`s-${i}`, someEvents(1))));
    expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(4);
    expect(groups.flat()).toHaveLength(10);
    expect(positionsOf(await store.readAll())).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('refuses group limits that are not positive integers', () => {
    for (const groupCommit of [{ maxAppends: 0 }, { maxEvents: -1 }, { maxAppends: 1.5 }]) {
      expect(() => new PostgresEventStore(DATABASE_URL, { groupCommit, listen: false })).toThrow(RangeError);
    }
  });

  it('holds later appends while a group is slow to commit; those waiting past lockTimeoutMs fail, storing nothing', async () => {
    let release!: () => void;
    let calls = 0;
    const { store } = await fresh({
      lockTimeoutMs: 200,
      beforeCommit: () => (++calls === 1 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve()),
    });
    const slow = store.append('slow', someEvents(1));
    await waitFor(() => calls === 1);
    const waiting = settle([store.append('a', someEvents(1)), store.append('b', someEvents(1), { idempotency: { key: 'k', requestHash: 'h' } })]);
    for (const error of await waiting) {
      expect(error).toBeInstanceOf(EventStoreUnavailable);
      expect(error).toMatchObject({ cause: { code: '55P03' } });
    }
    const later = store.append('c', someEvents(1));
    release();
    expect(await slow).toMatchObject({ lastPosition: 1 });
    expect(await later).toMatchObject({ lastPosition: 2 });
    expect(await store.findIdempotent('k')).toBeUndefined();
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['slow', 'c']);
  });

  it('keeps the global order when the groups of two processes commit late', async () => {
    // As the late-commit test of the single-append path, with two stores on one schema (two
    // processes), each grouping its own writers: the most recently held transaction is
    // released first, so only the lock stops groups from committing out of position order.
    const held: (() => void)[] = [];
    let maxHeld = 0;
    let timer: NodeJS.Timeout | undefined;
    const releaseLatest = () => {
      held.pop()?.();
      if (held.length > 0) timer = setTimeout(releaseLatest, 10);
    };
    const beforeCommit = () =>
      new Promise<void>((release) => {
        held.push(release);
        maxHeld = Math.max(maxHeld, held.length);
        clearTimeout(timer);
        timer = setTimeout(releaseLatest, 10);
      });
    const { store: one, schema } = await fresh({ beforeCommit });
    const { store: two } = await fresh({ beforeCommit }, schema);
    const reader = await PostgresEventStore.open(DATABASE_URL, { schema });
    const delivered: StoredEvent[] = [];
    const follower = followAll(reader, 0, (batch) => void delivered.push(...batch), { batchSize: 5 });
    try {
      const writers = [one, two].flatMap((store, s) =>
        Array.from({ length: 8 }, async (_, w) => {
          const acked: StoredEvent[] = [];
          for (let a = 0; a < 4; a++) acked.push(...(await store.append(`w-${s}-${w}`, someEvents(1 + ((w + a) % 3)))).events);
          return acked;
        }),
      );
      const acked = (await Promise.all(writers)).flat();
      await waitFor(() => (delivered[delivered.length - 1]?.position ?? 0) >= acked.length, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(positionsOf(delivered)).toEqual(acked.map((_, i) => i + 1)); // every event once, in order, no gap
      expect(isStrictlyIncreasing(positionsOf(delivered))).toBe(true);
      const byId = new Map(delivered.map((e) => [e.id, e]));
      for (const event of acked) expect(byId.get(event.id)).toEqual(event);
      expect(maxHeld).toBe(1); // never two groups past their writes at once, across both stores
    } finally {
      clearTimeout(timer);
      await follower.stop();
      await reader.close();
    }
  }, 30_000);

  it('answers the appends made before close, and refuses those after', async () => {
    const { store } = await fresh();
    const before = store.append('alert-1', someEvents(2));
    await store.close();
    expect(await before).toMatchObject({ nextVersion: 2 });
    expect(await rejectionOf(store.append('alert-1', someEvents(1)))).toBeInstanceOf(EventStoreUnavailable);
  });
});
