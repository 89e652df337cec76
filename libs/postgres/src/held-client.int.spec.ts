import { Pool } from 'pg';
import { checkout, inTransaction, leavesClientUnusable, withClient } from './held-client';
import { createPool } from './create-pool';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: these tests need a PostgreSQL server (the int global setup starts one)');

/** Ends a backend as a PostgreSQL restart does (SQLSTATE 57P01 to the client). */
const terminate = (admin: Pool, pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);
const backendPid = async (client: { query: Pool['query'] }) => Number((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
const until = async (ok: () => boolean, ms = 5_000) => {
  for (const end = Date.now() + ms; !ok() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
  return ok();
};

describe('PostgreSQL checkouts', () => {
  const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
  const pool = createPool({ connectionString: DATABASE_URL, max: 4 });
  afterAll(async () => {
    await pool.end();
    await admin.end();
  });

  it("why the helper exists: pg-pool hands out a client with no 'error' listener", async () => {
    const raw = await pool.connect(); // the hazard itself, shown (spec files are exempt from the rule)
    try {
      expect(raw.listenerCount('error')).toBe(0);
    } finally {
      raw.release();
    }
    const held = await checkout(pool);
    expect(held.client.listenerCount('error')).toBe(1);
    held.release();
  });

  it('a held client whose backend is terminated while idle does not end the process, and is not pooled again', async () => {
    const seen: Error[] = [];
    const held = await checkout(pool, { onError: (error) => seen.push(error) });
    const pid = await backendPid(held.client);
    await terminate(admin, pid);
    expect(await until(() => held.failure() !== undefined)).toBe(true);
    expect(seen[0]?.message).toMatch(/terminat/i);
    held.release();
    // The next checkout gets a working connection, never the dead one.
    expect(await withClient(pool, (client) => backendPid(client))).not.toBe(pid);
  });

  it('inTransaction commits, rolls back on a thrown error, and keeps a client a plain SQL error left usable', async () => {
    await admin.query('CREATE TABLE IF NOT EXISTS held_client_t (n int PRIMARY KEY)');
    await admin.query('TRUNCATE held_client_t');
    await inTransaction(pool, (client) => client.query('INSERT INTO held_client_t VALUES (1)'));
    await expect(
      inTransaction(pool, async (client) => {
        await client.query('INSERT INTO held_client_t VALUES (2)');
        await client.query('INSERT INTO held_client_t VALUES (1)'); // unique violation, 23505
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect((await admin.query('SELECT n FROM held_client_t ORDER BY n')).rows).toEqual([{ n: 1 }]);
    await admin.query('DROP TABLE held_client_t');
  });

  it('a transaction whose backend dies mid-way rejects, and the pool carries on', async () => {
    const pid = inTransaction(pool, async (client) => {
      await terminate(admin, await backendPid(client));
      await client.query('SELECT 1');
    });
    await expect(pid).rejects.toThrow();
    expect(await withClient(pool, async (client) => (await client.query('SELECT 2 AS n')).rows[0].n)).toBe(2);
  });

  it.each([
    [undefined, false],
    [Object.assign(new Error('duplicate'), { code: '23505' }), false],
    [Object.assign(new Error('lock timeout'), { code: '55P03' }), false],
    [Object.assign(new Error('admin shutdown'), { code: '57P01' }), true],
    [Object.assign(new Error('connection failure'), { code: '08006' }), true],
    [Object.assign(new Error('reset'), { code: 'ECONNRESET' }), true],
    [new Error('Connection terminated unexpectedly'), true],
  ])('a release caused by %p destroys the client: %p', (cause, unusable) => {
    expect(leavesClientUnusable(cause)).toBe(unusable);
  });
});
