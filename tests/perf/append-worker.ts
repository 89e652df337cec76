/**
 * One measurement of tests/perf/append.bench.ts, in a process of its own (so that no store
 * inherits another's JIT state, garbage or driver settings: Emmett's dumbo replaces pg's
 * global JSON type parsers). Prints one JSON line (`Measured`) on stdout.
 *
 *   node -r @swc-node/register tests/perf/append-worker.ts <target> <writers> <batch> <seconds> <database-url|sqlite-file>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@poc/event-store';

export const TARGETS = ['postgres', 'postgres-single', 'emmett', 'sqlite', 'sqlite-single'] as const;
export type Target = (typeof TARGETS)[number];

export type Measured = Readonly<{
  events: number;
  appends: number;
  seconds: number;
  p50: number;
  p99: number;
  /** CPU time per event, in µs: this process, and the PostgreSQL server (NaN for SQLite or an unknown server). */
  cpu: Readonly<{ client: number; postgres: number }>;
  /** readAll in batches of 1000 over everything appended (our stores only). */
  catchUp?: number;
}>;

/**
 * CPU seconds used so far by the benchmark's PostgreSQL server: the postmaster whose pid is in
 * BENCH_POSTMASTER_PID and its children (backends, WAL writer, checkpointer…). Other servers on
 * the machine (other test runs) are left out. NaN when the pid is not given.
 */
const postgresCpu = (): number => {
  const postmaster = process.env.BENCH_POSTMASTER_PID;
  if (!postmaster) return NaN;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid !== postmaster && fields[1] !== postmaster) continue; // fields[1]: the parent's pid
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100; // USER_HZ
};

/** What every writer does once per iteration: append `batch` events to its own stream. */
type Append = (writer: number, i: number) => Promise<void>;

const payload = (n: number) => ({ n, text: 'patrol 7 reports all quiet at the north gate' });
const metadata = (n: number) => ({ actor: 'bench', role: 'system' as const, correlationId: `c-${n}` });

const ours = (store: EventStore, batch: number): Append => async (writer, i) => {
  const occurredAt = new Date().toISOString();
  await store.append(
    `bench-${writer}`,
    Array.from({ length: batch }, (_, k) => ({ type: 'Ticked', data: payload(i * batch + k), occurredAt, metadata: metadata(i * batch + k) })),
  );
};

/** Emmett 0.42's PostgreSQL event store, through its public API, on a pool of one connection per writer. */
const emmett = async (url: string, writers: number, batch: number): Promise<{ append: Append; close: () => Promise<void> }> => {
  const { getPostgreSQLEventStore } = await import('@event-driven-io/emmett-postgresql');
  const pool = new Pool({ connectionString: url, max: writers + 2 });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  const append: Append = async (writer, i) => {
    const occurredAt = new Date().toISOString();
    await store.appendToStream(
      `bench-${writer}`,
      Array.from({ length: batch }, (_, k) => ({ type: 'Ticked', data: { ...payload(i * batch + k), occurredAt }, metadata: metadata(i * batch + k) })),
    );
  };
  return { append, close: async () => { await store.close(); await pool.end().catch(() => undefined); } };
};

const open = async (target: Target, where: string, writers: number, batch: number) => {
  if (target === 'emmett') return { ...(await emmett(where, writers, batch)), store: undefined };
  const groupCommit = target.endsWith('-single') ? { maxAppends: 1 } : {};
  const store = target.startsWith('sqlite')
    ? new SqliteEventStore(where, { groupCommit })
    : await PostgresEventStore.open({ connectionString: where, max: 10 }, { groupCommit, listen: false });
  return { append: ours(store, batch), close: () => store.close(), store };
};

const catchUp = async (store: EventStore): Promise<number> => {
  const started = process.hrtime.bigint();
  let position = 0;
  let read = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, limit: 1000 });
    if (page.length === 0) break;
    read += page.length;
    position = page[page.length - 1]!.position;
  }
  return read / (Number(process.hrtime.bigint() - started) / 1e9);
};

const main = async (): Promise<void> => {
  const [target, writersArg, batchArg, secondsArg, where] = process.argv.slice(2);
  if (!TARGETS.includes(target as Target) || !where) throw new Error('usage: append-worker.ts <target> <writers> <batch> <seconds> <where>');
  const [writers, batch, seconds] = [Number(writersArg), Number(batchArg), Number(secondsArg)];
  const { append, close, store } = await open(target as Target, where, writers, batch);
  try {
    // Warm-up outside the clock: connections, schema, JIT; every writer's stream exists.
    await Promise.all(Array.from({ length: writers }, (_, w) => append(w, -1)));
    const latencies: number[] = [];
    let appends = 0;
    const end = Date.now() + seconds * 1000;
    const [cpu0, pg0] = [process.cpuUsage(), postgresCpu()];
    const started = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; Date.now() < end; i++) {
          const t = process.hrtime.bigint();
          await append(w, i);
          latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
          appends++;
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const [cpu, pg] = [process.cpuUsage(cpu0), postgresCpu() - pg0];
    const perEvent = (seconds: number) => (seconds * 1e6) / (appends * batch);
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    const measured: Measured = {
      events: appends * batch,
      appends,
      seconds: elapsed,
      p50: p(0.5),
      p99: p(0.99),
      cpu: { client: perEvent((cpu.user + cpu.system) / 1e6), postgres: perEvent(pg) },
      ...(store && batch > 1 && writers === 1 && { catchUp: await catchUp(store) }),
    };
    process.stdout.write(`${JSON.stringify(measured)}\n`);
  } finally {
    await close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
