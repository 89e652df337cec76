/**
 * Durable append throughput of either event store, for docs/event-store.md:
 *   node -r @swc-node/register tests/perf/append.bench.ts sqlite [seconds]
 *   DATABASE_URL=postgres://… node -r @swc-node/register tests/perf/append.bench.ts postgres [seconds]
 * Each measure runs for the given time (default 5 s) on a fresh store (a temp SQLite file,
 * or its own PostgreSQL schema, dropped after).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore, SqliteEventStore, type EventStore, type EventToAppend } from '@poc/event-store';

const kind = process.argv[2];
if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('usage: append.bench.ts sqlite|postgres [seconds]');
const url = process.env.DATABASE_URL;
if (kind === 'postgres' && !url) throw new Error('set DATABASE_URL');
const seconds = Number(process.argv[3] ?? 5);

/** A fresh store and how to throw it away. */
const freshStore = async (writers: number): Promise<{ store: EventStore; dispose: () => Promise<void> }> => {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'append-bench-'));
    const store = new SqliteEventStore(join(dir, 'events.sqlite'));
    return { store, dispose: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await PostgresEventStore.open({ connectionString: url, max: writers + 2 }, { schema });
  return {
    store,
    dispose: async () => {
      await store.close();
      const admin = new Pool({ connectionString: url, max: 1 });
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
};

const event = (n: number): EventToAppend => ({
  type: 'Ticked',
  data: { n, text: 'patrol 7 reports all quiet at the north gate' },
  occurredAt: new Date().toISOString(),
  metadata: { actor: 'bench', role: 'system', correlationId: `c-${n}` },
});

const measure = async (name: string, writers: number, batch: number): Promise<void> => {
  const { store, dispose } = await freshStore(writers);
  let events = 0;
  let appends = 0;
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; Date.now() < end; i++) {
        const t = process.hrtime.bigint();
        await store.append(`bench-${w}`, Array.from({ length: batch }, (_, k) => event(i * batch + k)));
        latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
        events += batch;
        appends++;
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `${name}: ${Math.round(events / elapsed)} events/s, ${Math.round(appends / elapsed)} appends/s ` +
      `(p50 ${p(0.5)} ms, p99 ${p(0.99)} ms, ${events} events in ${elapsed.toFixed(1)} s)`,
  );
  if (writers === 1 && batch === 50) {
    const t = process.hrtime.bigint();
    let position = 0;
    let read = 0;
    for (;;) {
      const page = await store.readAll({ fromPosition: position, limit: 1000 });
      if (page.length === 0) break;
      read += page.length;
      position = page[page.length - 1]!.position;
    }
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    console.log(`readAll catch-up (batches of 1000): ${Math.round(read / s)} events/s (${read} events)`);
  }
  await dispose();
};

const main = async (): Promise<void> => {
  if (kind === 'postgres') {
    const settings = new Pool({ connectionString: url, max: 1 });
    const { rows } = await settings.query(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version')`,
    );
    await settings.end();
    console.log(rows.map((r: { name: string; setting: string }) => `${r.name}=${r.setting}`).join(' '));
  } else {
    console.log('SQLite: WAL, synchronous=FULL (the store\'s own settings)');
  }
  await measure('sequential, 1 event per append', 1, 1);
  await measure('sequential, 50 events per append', 1, 50);
  await measure('16 concurrent writers, 1 event per append', 16, 1);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
