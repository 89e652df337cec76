/**
 * Benchmark (not a test: never run by `npm test`): durable append throughput of both event
 * stores, side by side with Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql
 * 0.42.0) on the same throwaway PostgreSQL, for docs/performance.md ("Appends").
 *
 *   flock /tmp/poc-bench.lock npm run -s bench:append -- [--seconds 5] [--rounds 3] [--no-doc]
 *
 * Scenarios: sequential single-event appends; 64 concurrent writers on distinct streams, one
 * event per append; sequential appends of 50 events. Targets: PostgresEventStore, Emmett,
 * SqliteEventStore, and for the 64 writers also both stores with group commit off
 * (`groupCommit.maxAppends = 1`). Every measure runs for `--seconds` in a child process of its
 * own (tests/perf/append-worker.ts) on a fresh database (PostgreSQL: `CREATE DATABASE`, after a
 * CHECKPOINT) or a fresh file (SQLite); targets are interleaved, in a rotated order each round,
 * so they see the same machine state, and every ratio is taken within one round.
 * PostgreSQL: infra/postgres/start.sh in a temp dir (fsync on, synchronous_commit on),
 * removed afterwards with stop.sh --purge.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { machine, recordResults, report, type Run, type Sample, type Scenario } from './append-report';
import type { Measured, Target } from './append-worker';

const ROOT = resolve(__dirname, '../..');

const SCENARIOS: readonly Scenario[] = [
  { name: 'sequential, 1 event per append', writers: 1, batch: 1, targets: ['postgres', 'emmett', 'sqlite'] },
  {
    name: '64 concurrent writers, 1 event per append',
    writers: 64,
    batch: 1,
    targets: ['postgres', 'emmett', 'sqlite', 'postgres-single', 'sqlite-single'],
  },
  { name: 'sequential, 50 events per append', writers: 1, batch: 50, targets: ['postgres', 'emmett', 'sqlite'] },
];

type Args = { seconds: number; rounds: number; doc: boolean };

const parseArgs = (argv: string[]): Args => {
  const args: Args = { seconds: 5, rounds: 3, doc: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seconds') args.seconds = Number(argv[++i]);
    else if (a === '--rounds') args.rounds = Number(argv[++i]);
    else if (a === '--no-doc') args.doc = false;
    else throw new Error(`unknown argument ${a} (usage: append.bench.ts [--seconds 5] [--rounds 3] [--no-doc])`);
  }
  if (!(args.seconds > 0) || !Number.isSafeInteger(args.rounds) || args.rounds < 1) throw new Error('--seconds and --rounds must be positive');
  return args;
};

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/** Runs one measure in a child process; resolves with what it printed. */
const runWorker = (target: Target, scenario: Scenario, seconds: number, where: string, postmasterPid: string): Promise<Measured> =>
  new Promise((done, fail) => {
    const script = join(ROOT, 'tests/perf/append-worker.ts');
    const args = ['-r', '@swc-node/register', script, target, String(scenario.writers), String(scenario.batch), String(seconds), where];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, BENCH_POSTMASTER_PID: postmasterPid }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), (seconds + 120) * 1000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return fail(new Error(`${target} worker exited with ${code}\n${err}`));
      done(JSON.parse(out.trim().split('\n').pop()!) as Measured);
    });
  });

/** A fresh place for one measure: a database of the throwaway server, or a SQLite file; and how to remove it. */
const freshPlace = async (target: Target, admin: Pool, url: string, work: string): Promise<{ where: string; dispose: () => Promise<void> }> => {
  if (target.startsWith('sqlite')) {
    const dir = mkdtempSync(join(work, 'sqlite-'));
    return { where: join(dir, 'events.sqlite'), dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const db = `bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${db}`);
  // Every measure starts from a checkpoint: none falls due in the middle of one target's run only.
  await admin.query('CHECKPOINT');
  const where = new URL(url);
  where.pathname = `/${db}`;
  return { where: where.toString(), dispose: async () => void (await admin.query(`DROP DATABASE ${db} WITH (FORCE)`)) };
};

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const command = `npm run -s bench:append -- --seconds ${args.seconds} --rounds ${args.rounds}`;
  const work = mkdtempSync(join(tmpdir(), 'poc-append-bench-'));
  const pgDir = join(work, 'pg');
  let pgStarted = false;
  try {
    execFileSync('mkdir', ['-p', pgDir]);
    const out = execFileSync('bash', [join(ROOT, 'infra/postgres/start.sh'), pgDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    pgStarted = true;
    const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
    if (!url) throw new Error(`infra/postgres/start.sh printed no DATABASE_URL:\n${out}`);
    const admin = new Pool({ connectionString: url, max: 1 });
    try {
      const settings = (
        await admin.query<{ name: string; setting: string }>(
          `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'commit_delay') ORDER BY name`,
        )
      ).rows;
      const dataDir = (await admin.query<{ data_directory: string }>('SHOW data_directory')).rows[0]!.data_directory;
      const postmasterPid = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
      const run: Run = { started: new Date(), command, seconds: args.seconds, machine: machine(), postgres: settings, samples: [] };
      log(`machine: ${JSON.stringify(run.machine)}; PostgreSQL ${settings.map((s) => `${s.name}=${s.setting}`).join(' ')}`);
      for (let round = 0; round < args.rounds; round++) {
        for (const scenario of SCENARIOS) {
          const order = scenario.targets.map((_, i) => scenario.targets[(i + round) % scenario.targets.length]!);
          for (const target of order) {
            const place = await freshPlace(target, admin, url, work);
            const load = loadavg()[0]!;
            try {
              const measured = await runWorker(target, scenario, args.seconds, place.where, postmasterPid);
              const sample: Sample = { round, scenario: scenario.name, target, load, ...measured };
              run.samples.push(sample);
              log(`round ${round + 1} · ${scenario.name} · ${target}: ${Math.round(measured.events / measured.seconds)} events/s (p50 ${measured.p50.toFixed(1)} ms, load ${load.toFixed(1)})`);
            } finally {
              await place.dispose();
            }
          }
        }
      }
      run.finished = new Date();
      const markdown = report(run, SCENARIOS);
      console.log(markdown);
      if (args.doc) log(`recorded in ${recordResults(markdown)}`);
    } finally {
      await admin.end();
    }
  } finally {
    if (pgStarted) {
      try {
        execFileSync('bash', [join(ROOT, 'infra/postgres/stop.sh'), pgDir, '--purge'], { stdio: ['ignore', 'ignore', 'inherit'] });
      } catch (error) {
        log(`stopping PostgreSQL failed: ${String(error)}`);
      }
    }
    rmSync(work, { recursive: true, force: true });
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
