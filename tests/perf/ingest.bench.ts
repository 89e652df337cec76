/**
 * Benchmark (never run by `npm test`): HTTP ingestion of POST /alerts, against its ceiling.
 *
 *   npm run -s bench:ingest -- [--seconds 10] [--connections 50] [--rate 1000] [--rounds 2] [--targets embedded,postgres] [--profile] [--no-doc]
 *
 * The ceiling is tests/perf/ingest/ceiling.main.ts: the same app shell (runHttpApp: guard,
 * rate limiter, logger, helmet, validation pipe, WriteContext) answering 201 without storing.
 * Each round starts every target fresh and runs, one after the other:
 *  1. a warm-up (3 s), then as fast as it answers with `--connections` (throughput, latency);
 *  2. a fixed offered load of `--rate` requests/s (autocannon overallRate): latency at that rate.
 * Rounds alternate the order of the targets, and each ratio is taken against the ceiling of
 * the same round: absolute figures drift on a shared 2-core machine, ratios much less.
 * `--profile` adds one embedded run under `--cpu-prof` and prints its hottest functions.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@poc/event-store';
import { postgresIn, type Service } from '../support/services';
import { APPS, BENCH_API_KEYS, BENCH_KEYS, startBenchApp, type BenchApp } from './support/bench-processes';
import { describeMachine, int, log as logger, machine, ms, parseArgs, pct, writeSection } from './support/bench-report';
import { summariseProfile } from './support/cpu-profile';
import { describeLoad, runLoad, type LoadResult } from './support/load';
import { ALERT_BODY } from './ingest/alert-body';

const log = logger('ingest');

const args = parseArgs(process.argv.slice(2), { seconds: 10, connections: 50, rate: 1000, rateSeconds: 15, rounds: 2, targets: 'embedded,postgres', profile: false, doc: true });

/**
 * What one durable append costs right now, alone: N sequential single-event appends on a
 * fresh store. The write path does one such append per 201, in series on the event loop
 * (SQLite) or on the store's lock (PostgreSQL), so this rate is the ceiling of the store
 * part, measured in the same run as the HTTP figures (the VM's fsync latency varies 10×).
 */
const serialAppendRate = async (kind: 'sqlite' | 'postgres', count = 300): Promise<number> => {
  const store: EventStore =
    kind === 'sqlite'
      ? new SqliteEventStore(join(mkdtempSync(join(work, 'probe-')), 'events.sqlite'))
      : await PostgresEventStore.open({ connectionString: pg!.url, max: 2 }, { schema: `probe_${Date.now()}`, listen: false });
  const started = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    await store.append(`probe-${i}`, [{ type: 'Probed', data: { i }, occurredAt: new Date().toISOString(), metadata: { actor: 'bench', role: 'system', correlationId: `p-${i}` } }]);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return count / seconds;
};

type Target = Readonly<{ name: string; label: string; entry: string; env: () => Record<string, string> }>;
type Measured = Readonly<{ target: string; round: number; max: LoadResult; fixed: LoadResult; appendRate?: number }>;

const work = mkdtempSync(join(tmpdir(), 'poc-ingest-'));
const logDir = join(work, 'logs');
let pg: Service | undefined;

const common = { API_KEYS: BENCH_API_KEYS, ALERTS_RATE_LIMIT: 'off' };
let dirs = 0;
const freshDataDir = () => join(work, `data-${dirs++}`);

const targets = (): Target[] => {
  const wanted = String(args.targets).split(',');
  const list: Target[] = [{ name: 'ceiling', label: 'ceiling: same app shell, no store', entry: 'tests/perf/ingest/ceiling.main.ts', env: () => ({ ...common, DATA_DIR: freshDataDir() }) }];
  if (wanted.includes('embedded')) list.push({ name: 'embedded', label: 'all-in-one, SQLite (fsync per 201)', entry: APPS.allInOne, env: () => ({ ...common, DATA_DIR: freshDataDir() }) });
  if (wanted.includes('postgres')) {
    list.push({
      name: 'postgres',
      label: 'command-api, PostgreSQL (commit per 201)',
      entry: APPS.commandApi,
      env: () => ({ ...common, DATA_DIR: freshDataDir(), EVENT_STORE: 'postgres', DATABASE_URL: pg!.url }),
    });
  }
  return list;
};

const headers = { authorization: `Bearer ${BENCH_KEYS.operator}` };

const measure = async (target: Target, round: number): Promise<Measured> => {
  const appendRate = target.name === 'embedded' ? await serialAppendRate('sqlite') : target.name === 'postgres' ? await serialAppendRate('postgres') : undefined;
  if (appendRate) log(`round ${round} ${target.name}: ${Math.round(appendRate)} serial durable appends/s on this store right now`);
  const app = await startBenchApp(`${target.name}-${round}`, target.entry, { env: target.env(), logDir });
  try {
    const load = { url: app.url, path: '/alerts', body: ALERT_BODY, headers };
    await runLoad({ ...load, connections: args.connections, seconds: 3 });
    const max = await runLoad({ ...load, connections: args.connections, seconds: args.seconds });
    log(`round ${round} ${target.name} max: ${describeLoad(max)}`);
    const fixed = await runLoad({ ...load, connections: args.connections, seconds: args.rateSeconds, rate: args.rate });
    log(`round ${round} ${target.name} at ${args.rate}/s: ${describeLoad(fixed)}`);
    return { target: target.name, round, max, fixed, ...(appendRate && { appendRate }) };
  } finally {
    await app.stop();
  }
};

const profileEmbedded = async (): Promise<string> => {
  const dir = join(work, 'profile');
  const app: BenchApp = await startBenchApp('embedded-profile', APPS.allInOne, { env: { ...common, DATA_DIR: freshDataDir() }, logDir, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  try {
    await runLoad({ url: app.url, path: '/alerts', body: ALERT_BODY, headers, connections: args.connections, seconds: args.seconds });
  } finally {
    await app.stop();
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  return file ? summariseProfile(join(dir, file), 25) : 'no profile written';
};

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const main = async () => {
  const mach = machine();
  log(describeMachine(mach));
  try {
    if (String(args.targets).includes('postgres')) pg = postgresIn(join(work, 'pg'));
    const list = targets();
    const results: Measured[] = [];
    for (let round = 1; round <= args.rounds; round++) {
      // Alternate the order, so drift over the run does not favour one target.
      for (const target of round % 2 === 1 ? list : [...list].reverse()) results.push(await measure(target, round));
    }
    const profile = args.profile ? await profileEmbedded() : undefined;
    if (profile) log(`embedded CPU profile, hottest self time:\n${profile}`);

    const ceilingOf = (round: number) => results.find((r) => r.target === 'ceiling' && r.round === round)!;
    const rows = list.map((t) => {
      const runs = results.filter((r) => r.target === t.name);
      const ratios = runs.map((r) => r.max.okPerSecond / ceilingOf(r.round).max.okPerSecond);
      const worstP99 = Math.max(...runs.map((r) => r.fixed.latencyP99));
      const errors = runs.reduce((n, r) => n + r.max.non2xx + r.max.errors + r.fixed.non2xx + r.fixed.errors, 0);
      return {
        t,
        line:
          `| ${t.label} | ${runs.map((r) => int(r.max.okPerSecond)).join(' / ')} | ${t.name === 'ceiling' ? '—' : `${pct(mean(ratios))} (${ratios.map(pct).join(', ')})`} | ` +
          `${runs.map((r) => ms(r.max.latencyP99, 0)).join(' / ')} | ${runs.map((r) => `${ms(r.fixed.latencyP50, 0)} / ${ms(r.fixed.latencyP99, 0)}`).join('; ')} | ` +
          `${runs.map((r) => int(r.fixed.okPerSecond)).join(' / ')} | ${runs.map((r) => (r.appendRate ? int(r.appendRate) : '—')).join(' / ')} | ${errors} |`,
        ratio: mean(ratios),
        worstP99,
      };
    });
    const table = [
      `| target | 201/s at ${args.connections} connections (per round) | ratio to ceiling (target ≥ 80%) | p99 at max | p50 / p99 at ${int(args.rate)}/s offered (target p99 < 50 ms) | 201/s achieved at ${int(args.rate)}/s offered | serial durable appends/s, same round (store alone) | non-2xx + errors |`,
      '|---|---:|---:|---:|---:|---:|---:|---:|',
      ...rows.map((r) => r.line),
    ].join('\n');
    console.log(table);
    const verdicts = rows
      .filter((r) => r.t.name !== 'ceiling')
      .map((r) => `- ${r.t.name}: ratio ${pct(r.ratio)} of the ceiling (target 80%: ${r.ratio >= 0.8 ? 'met' : `missed by ${pct(0.8 - r.ratio)} points`}); worst p99 at ${int(args.rate)}/s ${ms(r.worstP99, 0)} (target 50 ms: ${r.worstP99 < 50 ? 'met' : `missed, ${(r.worstP99 / 50).toFixed(1)}×`}).`)
      .join('\n');
    if (args.doc) {
      const command = `flock /tmp/poc-bench.lock npm run -s bench:ingest -- --seconds ${args.seconds} --connections ${args.connections} --rate ${args.rate} --rate-seconds ${args.rateSeconds} --rounds ${args.rounds} --targets ${args.targets}`;
      writeSection(
        'ingest',
        'HTTP ingestion (POST /alerts)',
        [
          `Last run: ${describeMachine(mach)}.`,
          '',
          `\`\`\`sh\n${command}\n\`\`\``,
          '',
          table,
          '',
          verdicts,
          ...(profile ? ['', 'Embedded, hottest functions by self time (`--cpu-prof`, one max-rate run):', '', '```', profile, '```'] : []),
        ].join('\n'),
      );
    }
  } finally {
    try {
      pg?.purge();
    } catch (error) {
      log(`stopping PostgreSQL failed: ${String(error)}`);
    }
    rmSync(work, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
