/**
 * Benchmark (never run by `npm test`): deterrence at mission scale — 10,000 patrols and
 * 1,000,000 incidents in the embedded store (SQLite).
 *
 *   npm run -s bench:deterrence -- [--patrols 10000] [--incidents 1000000] [--samples 200] [--runs 15] [--data-dir <dir>] [--no-doc]
 *
 * 1. Seed (tests/perf/deterrence/archive.ts says where and when): events through the real
 *    append path, read models through the real ProjectionRunner in big batches. With
 *    `--data-dir`, a directory seeded earlier with the same sizes is reused (and kept).
 * 2. Writes at that scale, in process on the seeded file with the app's own settings
 *    (events synchronous=FULL, read models NORMAL): report an incident / complete a patrol
 *    through handleCommand (read stream, decide, append with its fsync), then the
 *    ProjectionRunner applying that event to every read model — the work the embedded
 *    projector does for it. Target: write + projection < 5 ms.
 * 3. Queries: the all-in-one on the seeded DATA_DIR, GET /deterrence with the filters an
 *    analyst uses, each run `--runs` times after 2 warm-ups, one at a time. Target < 50 ms.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { incidentDecider, incidentStreamId, patrolDecider, patrolStreamId } from '@poc/domain';
import { handleCommand, SqliteEventStore, upcasting } from '@poc/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelStore } from '@poc/projections';
import { createRng } from '../../apps/all-in-one/src/demo/prng';
import { APPS, BENCH_API_KEYS, BENCH_KEYS, startBenchApp } from './support/bench-processes';
import { describeMachine, int, log as logger, machine, ms, parseArgs, percentile, writeSection } from './support/bench-report';
import { openQueryPath, type Phases } from './deterrence/query-phases';
import { saveSeeded, seededEarlier, seedSqlite, type Seeded } from './deterrence/seed-sqlite';
import { type EpisodeFilter } from '@poc/deterrence';

const log = logger('deterrence');
const args = parseArgs(process.argv.slice(2), { patrols: 10_000, incidents: 1_000_000, underWay: 300, samples: 200, runs: 15, seed: 7, dataDir: '', doc: true });

type Timing = { write: number[]; project: number[]; total: number[] };
const timing = (): Timing => ({ write: [], project: [], total: [] });
const metadata = { actor: 'bench', role: 'ops' as const, correlationId: 'bench' };
const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** Step 2: one write and its projection at a time, on the seeded file. */
const measureWrites = async (dataDir: string, seeded: Seeded): Promise<{ incident: Timing; completion: Timing }> => {
  const file = join(dataDir, 'poc.sqlite');
  const events = upcasting(new SqliteEventStore(file));
  const readDb = new Database(file);
  readDb.pragma('journal_mode = WAL');
  readDb.pragma('synchronous = NORMAL');
  const runner = new ProjectionRunner(new SqliteReadModelStore(readDb), ALL_PROJECTIONS);
  await runner.init();
  const rng = createRng(args.seed + 1);
  const incident = timing();
  const completion = timing();
  const open = [...seeded.underWay];
  for (let i = 0; i < args.samples; i++) {
    const now = new Date().toISOString();
    const t0 = process.hrtime.bigint();
    if (i % 2 === 0 || open.length === 0) {
      const incidentId = randomUUID();
      const result = await handleCommand(events, incidentDecider, incidentStreamId(incidentId), {
        type: 'ReportIncident',
        context: { now },
        data: { incidentId, occurredAt: '2024-12-30T10:00:00Z', location: { lat: 14.1 + rng.next(), lon: -3.5 + rng.next(), precision: 1, cercle: 'Cercle 4-1' }, kind: 'attack-on-civilians', fatalities: 2 },
      }, { metadata });
      const t1 = process.hrtime.bigint();
      await runner.handle(result.events);
      record(incident, t0, t1);
    } else {
      const p = open.pop()!;
      const endedAt = new Date(Date.parse(p.startedAt) + 2 * 86_400_000).toISOString();
      const stop = { lat: p.lat, lon: p.lon, arrivedAt: new Date(Date.parse(p.startedAt) + 10 * 3_600_000).toISOString(), departedAt: new Date(Date.parse(p.startedAt) + 30 * 3_600_000).toISOString(), overnight: true, cercle: p.cercle };
      const result = await handleCommand(events, patrolDecider, patrolStreamId(p.patrolId), { type: 'CompletePatrol', context: { now }, data: { patrolId: p.patrolId, endedAt, stops: [stop] } }, { metadata });
      const t1 = process.hrtime.bigint();
      await runner.handle(result.events);
      record(completion, t0, t1);
    }
  }
  await events.close();
  readDb.close();
  saveSeeded(dataDir, { ...seeded, underWay: open });
  return { incident, completion };
};

const record = (t: Timing, t0: bigint, t1: bigint) => {
  const end = process.hrtime.bigint();
  t.write.push(Number(t1 - t0) / 1e6);
  t.project.push(Number(end - t1) / 1e6);
  t.total.push(Number(end - t0) / 1e6);
};

type Query = Readonly<{ label: string; path: string; filter: EpisodeFilter; radiusKm?: number }>;

const QUERIES: Query[] = [
  { label: 'one operation (a sector, one quarter)', path: '/deterrence?operation=Sector%201%202015Q2', filter: { operation: 'Sector 1 2015Q2' } },
  { label: 'one month, every operation', path: '/deterrence?from=2015-05-01&to=2015-05-31', filter: { from: '2015-05-01', to: '2015-05-31' } },
  { label: 'one cercle, one year', path: '/deterrence?cercle=Cercle%204-1&from=2015-01-01&to=2015-12-31', filter: { cercle: 'Cercle 4-1', from: '2015-01-01', to: '2015-12-31' } },
  { label: 'one operation, 25 km, grouped by unit', path: '/deterrence?operation=Sector%201%202015Q2&radiusKm=25&groupBy=unit', filter: { operation: 'Sector 1 2015Q2' }, radiusKm: 25 },
  { label: 'every patrol of 20 years (10,000)', path: '/deterrence', filter: {} },
];
type QueryResult = Readonly<{ query: Query; times: number[]; episodes: number; status: number }>;

/** Step 3: GET /deterrence variants against the all-in-one on the seeded DATA_DIR. */
const measureQueries = async (dataDir: string, work: string): Promise<QueryResult[]> => {
  const app = await startBenchApp('all-in-one', APPS.allInOne, { env: { API_KEYS: BENCH_API_KEYS, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, logDir: join(work, 'logs') });
  const results: QueryResult[] = [];
  try {
    for (const query of QUERIES) {
      const times: number[] = [];
      let episodes = 0;
      let status = 0;
      const runs = query.path === '/deterrence' ? Math.min(3, args.runs) : args.runs;
      for (let i = 0; i < runs + 2; i++) {
        const t0 = process.hrtime.bigint();
        const res = await fetch(`${app.url}${query.path}`, { headers: { authorization: `Bearer ${BENCH_KEYS.analyst}` } }).catch(() => undefined);
        if (!res) {
          status = 0; // the server went away (it used to, out of heap, on the whole archive)
          break;
        }
        const body = (await res.json()) as { episodes?: number; detail?: string };
        const elapsed = since(t0);
        status = res.status;
        episodes = body.episodes ?? 0;
        if (status !== 200) log(`${query.label}: HTTP ${status} ${body.detail ?? ''}`);
        if (i >= 2 || runs < 3) times.push(elapsed);
      }
      log(`${query.label}: ${status}, ${episodes} episodes, p50 ${ms(percentile(times, 0.5))}, max ${ms(Math.max(...times))}`);
      results.push({ query, times, episodes, status });
    }
  } finally {
    await app.stop();
  }
  return results;
};

/** In process, the median of 3 runs of each step (queries the server refused are skipped). */
const measurePhases = async (dataDir: string, refused: ReadonlySet<string>): Promise<Map<string, Phases>> => {
  const path = openQueryPath(dataDir);
  const found = new Map<string, Phases>();
  try {
    for (const q of QUERIES.filter((q) => !refused.has(q.path))) {
      const runs: Phases[] = [];
      for (let i = 0; i < 4; i++) runs.push(await path.phases(q.filter, q.radiusKm));
      const median = (f: (p: Phases) => number) => percentile(runs.slice(1).map(f), 0.5);
      found.set(q.path, { ...runs[runs.length - 1]!, focalMs: median((p) => p.focalMs), inputsMs: median((p) => p.inputsMs), engineMs: median((p) => p.engineMs) });
    }
  } finally {
    await path.close();
  }
  return found;
};

const line = (label: string, t: Timing) =>
  `| ${label} | ${t.total.length} | ${ms(percentile(t.write, 0.5), 2)} / ${ms(percentile(t.write, 0.99), 2)} | ${ms(percentile(t.project, 0.5), 2)} / ${ms(percentile(t.project, 0.99), 2)} | ` +
  `${ms(percentile(t.total, 0.5), 2)} / ${ms(percentile(t.total, 0.99), 2)} | ${percentile(t.total, 0.99) < 5 ? 'met' : `missed (${(percentile(t.total, 0.99) / 5).toFixed(1)}×)`} |`;

const main = async () => {
  const mach = machine();
  log(describeMachine(mach));
  const work = mkdtempSync(join(tmpdir(), 'poc-deterrence-'));
  const dataDir = args.dataDir || join(work, 'data');
  try {
    let seeded = seededEarlier(dataDir, args);
    if (seeded) log(`reusing ${dataDir}: ${int(seeded.patrols)} patrols, ${int(seeded.incidents)} incidents`);
    else seeded = await seedSqlite(dataDir, { ...args, log });
    const writes = await measureWrites(dataDir, seeded);
    log(`incident: write+projection p50 ${ms(percentile(writes.incident.total, 0.5), 2)}, p99 ${ms(percentile(writes.incident.total, 0.99), 2)}`);
    log(`completion: write+projection p50 ${ms(percentile(writes.completion.total, 0.5), 2)}, p99 ${ms(percentile(writes.completion.total, 0.99), 2)}`);
    const queries = await measureQueries(dataDir, work);
    const phases = await measurePhases(dataDir, new Set(queries.filter((q) => q.status !== 200).map((q) => q.query.path)));
    const tables = [
      `Store: ${int(seeded.patrols)} patrols (${seeded.underWay.length} left under way), ${int(seeded.incidents)} incidents, ${int(seeded.events)} events; seeded in ${seeded.appendSeconds.toFixed(0)} s (appends) + ${seeded.projectSeconds.toFixed(0)} s (read models).`,
      '',
      '| write, one at a time | n | write p50 / p99 | projection p50 / p99 | write + projection p50 / p99 | target < 5 ms |',
      '|---|---:|---:|---:|---:|---|',
      line('report an incident', writes.incident),
      line('complete a patrol (with a stop)', writes.completion),
      '',
      '| GET /deterrence | episodes pooled | runs | p50 | p99 (max) | target < 50 ms |',
      '|---|---:|---:|---:|---:|---|',
      ...queries.map((q) => {
        const p99 = Math.max(...q.times);
        const verdict = q.status === 0 ? 'server died' : q.status !== 200 ? `HTTP ${q.status} (refused, in ${ms(percentile(q.times, 0.5), 0)})` : p99 < 50 ? 'met' : `missed (${(p99 / 50).toFixed(1)}×)`;
        return `| ${q.query.label}: \`${q.query.path}\` | ${int(q.episodes)} | ${q.times.length} | ${ms(percentile(q.times, 0.5), 0)} | ${ms(p99, 0)} | ${verdict} |`;
      }),
      '',
      'Where the time goes (in process, median of 3, same code as the controller): the focal probe, the engine inputs (fetch plan, overlapping presences, incidents by resolution-5 parent cell and day, region-only incidents by cercle, verdicts), the pure engine.',
      '',
      '| query | focal presences | episodes in context | incidents fetched | focal probe | inputs | engine |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...QUERIES.filter((q) => phases.has(q.path)).map((q) => {
        const p = phases.get(q.path)!;
        return `| ${q.label} | ${int(p.presences)} | ${int(p.episodes)} | ${int(p.incidents)} | ${ms(p.focalMs, 0)} | ${ms(p.inputsMs, 0)} | ${ms(p.engineMs, 0)} |`;
      }),
    ].join('\n');
    console.log(tables);
    if (args.doc) {
      const command = `flock /tmp/poc-bench.lock npm run -s bench:deterrence -- --patrols ${args.patrols} --incidents ${args.incidents} --samples ${args.samples} --runs ${args.runs}`;
      writeSection('deterrence', 'Deterrence at 10,000 patrols and 1,000,000 incidents', [`Last run: ${describeMachine(mach)}.`, '', `\`\`\`sh\n${command}\n\`\`\``, '', tables].join('\n'));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
