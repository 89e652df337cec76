/**
 * Throughput of the PostgreSQL event store, for docs/event-store.md:
 *   DATABASE_URL=postgres://… node -r @swc-node/register libs/event-store/src/testing/postgres-bench.ts [seconds]
 * Each measure runs for the given time (default 5 s) in its own fresh schema, dropped after.
 */
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import type { EventToAppend } from '../event-store.port';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('set DATABASE_URL');
const seconds = Number(process.argv[2] ?? 5);

const event = (n: number): EventToAppend => ({
  type: 'Ticked',
  data: { n, text: 'patrol 7 reports all quiet at the north gate' },
  occurredAt: new Date().toISOString(),
  metadata: { actor: 'bench', role: 'system', correlationId: `c-${n}` },
});

const measure = async (name: string, writers: number, batch: number): Promise<void> => {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const store = await PostgresEventStore.open({ connectionString: url, max: writers + 2 }, { schema });
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
  await store.close();
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
};

const main = async (): Promise<void> => {
  const settings = new Pool({ connectionString: url, max: 1 });
  const { rows } = await settings.query(
    `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'server_version')`,
  );
  await settings.end();
  console.log(rows.map((r: { name: string; setting: string }) => `${r.name}=${r.setting}`).join(' '));
  await measure('sequential, 1 event per append', 1, 1);
  await measure('sequential, 50 events per append', 1, 50);
  await measure('16 concurrent writers, 1 event per append', 16, 1);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
