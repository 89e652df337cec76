import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Pool } from 'pg';
import type { StoredEvent } from '@poc/domain';
import { EventStoreUnavailable, type AppendResult } from '../event-store.port';
import { followAll } from '../follow';
import { eventStoreContract, isStrictlyIncreasing, positionsOf, rejectionOf, someEvents, waitFor } from '@poc/event-store/testing';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  // Fail, never skip: CI always sets it. Locally: infra/postgres/start.sh, then export DATABASE_URL.
  throw new Error(
    'DATABASE_URL is not set: the PostgreSQL event store tests need a server ' +
      '(e.g. DATABASE_URL=postgres://postgres@127.0.0.1:55432/postgres npx jest --selectProjects int libs/event-store)',
  );
}

/** For creating and dropping the test schemas, and for killing connections. */
const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(() => admin.end());

const uniqueSchema = () => `t_${randomBytes(6).toString('hex')}`;

/** A store in a fresh schema of DATABASE_URL's database; teardown closes it and drops the schema. */
const openInFreshSchema = async (options: PostgresEventStoreOptions = {}, application_name?: string) => {
  const schema = uniqueSchema();
  const store = await PostgresEventStore.open({ connectionString: DATABASE_URL, max: 20, application_name }, { schema, ...options });
  return {
    schema,
    store,
    teardown: async () => {
      await store.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
};

eventStoreContract('PostgreSQL', () => openInFreshSchema());

/** A TCP port on which nothing listens. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
};

describe('PostgresEventStore', () => {
  const teardowns: (() => Promise<void>)[] = [];
  const fresh = async (options: PostgresEventStoreOptions = {}, applicationName?: string) => {
    const made = await openInFreshSchema(options, applicationName);
    teardowns.push(made.teardown);
    return made;
  };
  afterEach(async () => {
    for (const teardown of teardowns.splice(0).reverse()) await teardown();
  });

  it('creates its schema idempotently, also when several stores start at once, and finds its events again', async () => {
    const { schema, store } = await fresh();
    const written = await store.append('alert-1', someEvents(2), { idempotency: { key: 'k', requestHash: 'h' } });
    await store.close();
    const reopened = await Promise.all(
      [1, 2, 3].map(() => PostgresEventStore.open(DATABASE_URL, { schema, listen: false })),
    );
    try {
      expect(await reopened[0]!.readStream('alert-1')).toEqual(written.events);
      expect(await reopened[1]!.findIdempotent('k')).toMatchObject({ nextVersion: 2, lastPosition: written.lastPosition });
      const next = await reopened[2]!.append('alert-1', someEvents(1, 3), { expectedVersion: 2 });
      expect(next.events[0]).toMatchObject({ streamVersion: 3, position: written.lastPosition + 1 });
    } finally {
      await Promise.all(reopened.map((s) => s.close()));
    }
    // Two brand-new schemas created concurrently.
    const schemas = [uniqueSchema(), uniqueSchema()];
    const racing = await Promise.all(schemas.map((s) => PostgresEventStore.open(DATABASE_URL, { schema: s, listen: false })));
    await Promise.all(racing.map((s) => s.close()));
    await admin.query(`DROP SCHEMA ${schemas[0]} CASCADE; DROP SCHEMA ${schemas[1]} CASCADE`);
  });

  it('stores positions as BIGINT and returns them as numbers', async () => {
    const { schema, store } = await fresh();
    const { rows } = await admin.query(
      `SELECT data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'events' AND column_name = 'position'`,
      [schema],
    );
    expect(rows).toEqual([{ data_type: 'bigint' }]);
    const result = await store.append('alert-1', someEvents(2));
    expect(typeof result.lastPosition).toBe('number');
    expect(positionsOf(await store.readAll())).toEqual([1, 2]);
    expect(await store.lastPosition()).toBe(2);
  });

  it('round-trips quotes, backslashes and SQL-looking text in every field of the append path', async () => {
    const { store } = await fresh();
    const nasty = `it's \\'; DROP TABLE events; -- \\\\ "quoted" $1 $$ E'\\x41' ✓ 𝄞`;
    const streamId = `alert-${nasty}`;
    const event = {
      type: nasty,
      data: { [nasty]: nasty, list: [nasty, '\\', "'"] },
      occurredAt: nasty,
      schemaVersion: 2,
      metadata: { actor: nasty, role: 'operator' as const, correlationId: nasty },
    };
    const idempotency = { key: nasty, requestHash: nasty };
    const written = await store.append(streamId, [event], { idempotency, recordedAt: nasty, expectedVersion: 'no-stream' });
    expect(await store.readStream(streamId)).toEqual(written.events);
    expect(written.events[0]).toMatchObject({ type: nasty, data: event.data, occurredAt: nasty, recordedAt: nasty, metadata: event.metadata });
    expect(await store.findIdempotent(nasty)).toMatchObject({ key: nasty, requestHash: nasty, streamId, recordedAt: nasty });
    expect(await store.append(streamId, [event], { idempotency })).toEqual({ ...written, replayed: true });
    // PostgreSQL's JSONB cannot hold U+0000: refused as a bad request, not as an outage, and nothing is stored.
    const error = await rejectionOf(store.append('alert-2', [{ ...event, data: { text: 'a\u0000b' } }]));
    expect(error).not.toBeInstanceOf(EventStoreUnavailable);
    expect(await store.lastPosition()).toBe(written.lastPosition);
  });

  it('never lets a follower skip an event whose transaction commits late', async () => {
    // Every transaction is held open before COMMIT. While writers are held, the most recently
    // arrived one is released first (LIFO) once no new writer has arrived for 10 ms: a store
    // that let transactions overlap would commit them in the reverse of their position order.
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
    const { schema, store } = await fresh({ beforeCommit });
    // The follower reads through another store (as another process would): woken by NOTIFY.
    const reader = await PostgresEventStore.open(DATABASE_URL, { schema });
    const delivered: StoredEvent[] = [];
    const sameProcess: StoredEvent[] = [];
    const follower = followAll(reader, 0, (batch) => void delivered.push(...batch), { batchSize: 7 });
    const local = followAll(store, 0, (batch) => void sameProcess.push(...batch), { batchSize: 3 });
    try {
      const WRITERS = 16;
      const APPENDS = 5;
      const writers = Array.from({ length: WRITERS }, async (_, w) => {
        const results: AppendResult[] = [];
        for (let a = 0; a < APPENDS; a++) {
          results.push(await store.append(`writer-${w}`, someEvents(1 + ((w + a) % 3), a * 10), { expectedVersion: a === 0 ? 'no-stream' : 'any' }));
        }
        return results;
      });
      const acked = (await Promise.all(writers)).flat().flatMap((r) => r.events);
      const lastAcked = Math.max(...positionsOf(acked));
      const reached = (seen: StoredEvent[]) => (seen[seen.length - 1]?.position ?? 0) >= lastAcked;
      await waitFor(() => reached(delivered) && reached(sameProcess), 10_000);
      await new Promise((resolve) => setTimeout(resolve, 100)); // nothing more may arrive

      const all = await store.readAll({ limit: 10_000 });
      expect(all).toHaveLength(acked.length);
      for (const seen of [delivered, sameProcess]) {
        expect(seen).toEqual(all);
        expect(isStrictlyIncreasing(positionsOf(seen))).toBe(true);
        expect(positionsOf(seen)).toEqual(all.map((_, i) => i + 1)); // no gap
        expect(new Set(seen.map((e) => e.id)).size).toBe(acked.length); // exactly once
      }
      const byId = new Map(all.map((e) => [e.id, e]));
      for (const event of acked) expect(byId.get(event.id)).toEqual(event);
      // With the append lock, no two transactions are ever open past their writes at once.
      expect(maxHeld).toBe(1);
    } finally {
      clearTimeout(timer);
      await follower.stop();
      await local.stop();
      await reader.close();
    }
  }, 30_000);

  it('serialises appends: a transaction held open before COMMIT blocks the next append until it commits', async () => {
    let releaseFirst!: () => void;
    let calls = 0;
    const { store } = await fresh({
      beforeCommit: () => (++calls === 1 ? new Promise<void>((resolve) => (releaseFirst = resolve)) : Promise.resolve()),
    });
    const first = store.append('a-1', someEvents(1));
    await waitFor(() => calls === 1);
    let secondDone = false;
    const second = store.append('b-1', someEvents(1)).then((r) => ((secondDone = true), r));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(secondDone).toBe(false);
    expect(calls).toBe(1);
    expect(await store.lastPosition()).toBe(0); // the held transaction is not visible
    releaseFirst();
    expect((await first).lastPosition).toBe(1);
    expect((await second).lastPosition).toBe(2);
  });

  it('gives up waiting for the append lock after lockTimeoutMs with EventStoreUnavailable, storing nothing', async () => {
    let releaseFirst!: () => void;
    let calls = 0;
    const { store } = await fresh({
      lockTimeoutMs: 100,
      beforeCommit: () => (++calls === 1 ? new Promise<void>((resolve) => (releaseFirst = resolve)) : Promise.resolve()),
    });
    const first = store.append('a-1', someEvents(1));
    await waitFor(() => calls === 1);
    const error = await rejectionOf(store.append('b-1', someEvents(1), { idempotency: { key: 'k', requestHash: 'h' } }));
    expect(error).toBeInstanceOf(EventStoreUnavailable);
    expect(error).toMatchObject({ cause: { code: '55P03' } });
    releaseFirst();
    await first;
    expect(await store.readStream('b-1')).toEqual([]);
    expect(await store.findIdempotent('k')).toBeUndefined();
  });

  it('wakes an onAppended listener of another store (another process) through LISTEN/NOTIFY, once per append', async () => {
    const { schema, store } = await fresh();
    const other = await PostgresEventStore.open(DATABASE_URL, { schema });
    try {
      const heardHere: number[] = [];
      const heardThere: number[] = [];
      store.onAppended((p) => heardHere.push(p));
      other.onAppended((p) => heardThere.push(p));
      const result = await store.append('alert-1', someEvents(2));
      await waitFor(() => heardThere.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heardHere).toEqual([result.lastPosition]); // its own NOTIFY is not heard twice
      expect(heardThere).toEqual([result.lastPosition]);
      await store.append('alert-1', [], { expectedVersion: 2 }); // empty: no notification
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heardThere).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('reconnects its LISTEN connection when it drops, and wakes followers once it is back', async () => {
    const app = `es-test-${randomBytes(4).toString('hex')}`;
    const { schema, store } = await fresh({}, app);
    const writer = await PostgresEventStore.open(DATABASE_URL, { schema, listen: false });
    try {
      const heard: number[] = [];
      store.onAppended((p) => heard.push(p));
      const listenerPids = async () =>
        (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND query LIKE 'LISTEN%'`, [`${app}:listen`]))
          .rows.map((r) => r.pid);
      const [before] = await listenerPids();
      expect(before).toEqual(expect.any(Number));
      await admin.query('SELECT pg_terminate_backend($1)', [before]);
      const deadline = Date.now() + 10_000;
      while (!(await listenerPids()).some((pid) => pid !== before)) {
        if (Date.now() > deadline) throw new Error('the LISTEN connection did not come back');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const result = await writer.append('alert-1', someEvents(1));
      await waitFor(() => heard.includes(result.lastPosition));
    } finally {
      await writer.close();
    }
  });

  it('rejects with EventStoreUnavailable when the database cannot be reached', async () => {
    const url = `postgres://postgres@127.0.0.1:${await closedPort()}/postgres`;
    const store = new PostgresEventStore(url, { listen: false });
    try {
      await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
      await expect(store.readAll()).rejects.toThrow(EventStoreUnavailable);
      await expect(store.lastPosition()).rejects.toThrow(EventStoreUnavailable);
    } finally {
      await store.close();
    }
    await expect(PostgresEventStore.open(url)).rejects.toThrow(EventStoreUnavailable);
  });

  it('stores nothing and rejects with EventStoreUnavailable when its connection is killed before COMMIT', async () => {
    const app = `es-test-${randomBytes(4).toString('hex')}`;
    let kill = false;
    const { store } = await fresh(
      {
        beforeCommit: async () => {
          if (!kill) return;
          kill = false;
          await admin.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'`,
            [app],
          );
        },
      },
      app,
    );
    await store.append('alert-0', someEvents(1));
    kill = true;
    const error = await rejectionOf(store.append('alert-1', someEvents(3), { idempotency: { key: 'k', requestHash: 'h' } }));
    expect(error).toBeInstanceOf(EventStoreUnavailable);
    expect(await store.readStream('alert-1')).toEqual([]);
    expect(await store.findIdempotent('k')).toBeUndefined();
    expect(await store.lastPosition()).toBe(1);
    // The pool dropped the dead connection: the retry goes through.
    const retried = await store.append('alert-1', someEvents(3), { idempotency: { key: 'k', requestHash: 'h' } });
    expect(retried).toMatchObject({ replayed: false, nextVersion: 3, lastPosition: 4 });
  });

  it('rejects with EventStoreUnavailable after close', async () => {
    const { store } = await fresh();
    await store.close();
    await expect(store.append('alert-1', someEvents(1))).rejects.toThrow(EventStoreUnavailable);
    await expect(store.readStream('alert-1')).rejects.toThrow(EventStoreUnavailable);
  });

  it('works on a shared Pool and leaves it open on close', async () => {
    const schema = uniqueSchema();
    const pool = new Pool({ connectionString: DATABASE_URL, max: 4 });
    pool.on('error', () => undefined);
    const store = await PostgresEventStore.open(pool, { schema });
    try {
      await store.append('alert-1', someEvents(2));
      await store.close();
      expect((await pool.query(`SELECT COUNT(*)::int AS n FROM ${schema}.events`)).rows).toEqual([{ n: 2 }]);
    } finally {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    }
  });
});
