/**
 * Benchmark (not a test: never run by `npm test`): how fast `analyst rebuild all` rebuilds
 * every read model from a large event store, on SQLite and on PostgreSQL.
 *
 *   npm run -s bench:rebuild -- --events 1000000 --store both
 *   node -r @swc-node/register tests/perf/rebuild.bench.ts --events 1000000 --store sqlite|postgres|both [--batch-size 10000,1000] [--no-doc]
 *
 * 1. Events: the demo scenario (`buffaloScenario(seed)`, played through the deciders by
 *    `seedScenario`) for a few seeds gives templates of valid domain events; they are
 *    replicated with fresh uuids (stream ids, entity ids, correlation ids) and dates shifted
 *    by whole weeks, then appended through the real SQLite append path (`upcasting(store)`,
 *    one append per run of events of one stream, i.e. per command, with `recordedAt` as the
 *    scenario recorded it; synchronous=OFF while loading, so a load is not 1M fsyncs).
 *    PostgreSQL gets the very same rows copied in bulk (multi-row INSERT of the stored rows,
 *    positions and versions included) into the schema `PostgresEventStore.open` created:
 *    going through its append path, one serialised transaction per append, would take longer
 *    than the rebuild being measured.
 * 2. SQLite: a temp DATA_DIR. PostgreSQL: a throwaway server (infra/postgres/start.sh in a
 *    temp dir, `stop.sh --purge` at the end).
 * 3. The real rebuild: the CLI `rebuild all --no-progress --batch-size <n>` as a child
 *    process under `/usr/bin/time -v` (peak RSS and CPU time of the child; the PostgreSQL
 *    server's CPU time from /proc), with EVENT_STORE / DATA_DIR / DATABASE_URL, once per
 *    batch size (`--batch-size a,b,c`; default 10000, 1000, 50000), each from a copy of the
 *    store as generated (`tests/perf/rebuild/measure.ts`).
 * 4. Prints a markdown row per rebuild and adds them to the "Rebuild" table of
 *    docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import { copyToPostgres, generateSqlite } from './rebuild/events';
import { runRebuild, type Measured } from './rebuild/measure';

const ROOT = resolve(__dirname, '../..');
const DOC = join(ROOT, 'docs/performance.md');

/**
 * Batch sizes rebuilt in turn, each from the same events: the CLI's default first (the
 * headline figure), then a tenth and five times of it, so that what a batch size costs in
 * time and memory is a ratio from one run.
 */
const BATCH_SIZES = [10_000, 1_000, 50_000];

type Args = { events: number; store: 'sqlite' | 'postgres' | 'both'; doc: boolean; batchSizes: number[] };

const parseArgs = (argv: string[]): Args => {
  const args: Args = { events: 1_000_000, store: 'both', doc: true, batchSizes: BATCH_SIZES };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--events') args.events = Number(argv[++i]);
    else if (a === '--store') args.store = argv[++i] as Args['store'];
    else if (a === '--batch-size') args.batchSizes = (argv[++i] ?? '').split(',').map(Number);
    else if (a === '--no-doc') args.doc = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isSafeInteger(args.events) || args.events < 1) throw new Error('--events must be a positive integer');
  if (!['sqlite', 'postgres', 'both'].includes(args.store)) throw new Error('--store must be sqlite, postgres or both');
  if (args.batchSizes.length === 0 || !args.batchSizes.every((n) => Number.isSafeInteger(n) && n > 0)) throw new Error('--batch-size must be positive integers, comma-separated');
  return args;
};

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------------------------------
// 4. The report

const sh = (cmd: string) => execFileSync('bash', ['-c', cmd], { encoding: 'utf8' }).trim();

const machine = () => ({
  nproc: sh('nproc'),
  cpu: cpus()[0]?.model ?? 'unknown',
  mem: sh("free -h | awk '/^Mem:/ {print $2\" total, \"$7\" available\"}'"),
  node: process.version,
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  pg: existsSync('/usr/lib/postgresql') ? sh('ls /usr/lib/postgresql | sort -n | tail -1') : '?',
});

const HEADER = [
  '| date | store | events | rebuild (s) | wall (s) | events/s | peak RSS | documents | machine | command | swap (s) | CPU µs/event: CLI + PostgreSQL | load before → after | batch |',
  '|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|---|---:|',
];
const BEGIN = '<!-- bench:rebuild:begin -->';
const END = '<!-- bench:rebuild:end -->';

const perEvent = (seconds: number, events: number) => ((seconds * 1e6) / events).toFixed(0);

const rowOf = (m: Measured, command: string, mach: ReturnType<typeof machine>) =>
  `| ${mach.date} | ${m.store === 'postgres' ? `PostgreSQL ${mach.pg}` : 'SQLite'} | ${m.events.toLocaleString('en-US')} | ${m.rebuildSeconds.toFixed(1)} | ${m.wallSeconds.toFixed(1)} | ${m.rate.toLocaleString('en-US')} | ${m.maxRssMb} MB | ${m.documents.toLocaleString('en-US')} | ${mach.nproc} CPU, ${mach.mem}, Node ${mach.node} | \`${command}\` | ` +
  `${(m.swapMs / 1000).toFixed(1)}${m.prepareMs > 0 ? ` (+ ${(m.prepareMs / 1000).toFixed(1)} indexes before)` : ''} | ` +
  `${perEvent(m.cpuSeconds.cli, m.events)}${Number.isNaN(m.cpuSeconds.postgres) ? '' : ` + ${perEvent(m.cpuSeconds.postgres, m.events)}`} | ${m.load[0].toFixed(2)} → ${m.load[1].toFixed(2)} | ${m.batchSize.toLocaleString('en-US')} |`;

/** Adds rows to the table between the markers of docs/performance.md (created if missing). */
const recordRows = (rows: string[]) => {
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Performance\n\n## Rebuild\n\n${BEGIN}\n${END}\n`;
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) {
    writeFileSync(DOC, `${doc.trimEnd()}\n\n${BEGIN}\n${[...HEADER, ...rows].join('\n')}\n${END}\n`);
    return;
  }
  const existing = doc.slice(begin + BEGIN.length, end).split('\n').filter((l) => l.startsWith('| ') && !HEADER.includes(l) && !l.startsWith('| date'));
  const table = [...HEADER, ...existing, ...rows].join('\n');
  writeFileSync(DOC, `${doc.slice(0, begin + BEGIN.length)}\n${table}\n${doc.slice(end)}`);
};

// ---------------------------------------------------------------------------------------

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const command = `npm run -s bench:rebuild -- --events ${args.events} --store __STORE__${args.batchSizes === BATCH_SIZES ? '' : ` --batch-size ${args.batchSizes.join(',')}`}`;
  const mach = machine();
  log(`machine: ${mach.nproc} CPU (${mach.cpu}), ${mach.mem} (${Math.round(totalmem() / 2 ** 30)} GiB, ${Math.round(freemem() / 2 ** 30)} GiB free), Node ${mach.node}`);
  const work = mkdtempSync(join(tmpdir(), 'poc-bench-'));
  const dataDir = join(work, 'data');
  const pgDir = join(work, 'pg');
  const rows: string[] = [];
  let pgStarted = false;
  const report = (m: Measured, store: string) => {
    process.stderr.write(m.stdout);
    rows.push(rowOf(m, command.replace('__STORE__', store), mach));
    console.log(rows[rows.length - 1]);
  };
  try {
    execFileSync('mkdir', ['-p', dataDir]);
    const file = join(dataDir, 'poc.sqlite');
    const generated = await generateSqlite(file, args.events);
    log(`generated ${generated.events} events in ${generated.streams} streams in ${generated.seconds.toFixed(1)} s (${Math.round(generated.events / generated.seconds)} events/s appended)`);
    // Every rebuild starts from the store as generated: empty read models, nothing to swap out.
    const pristine = join(work, 'events.sqlite');
    copyFileSync(file, pristine);

    if (args.store !== 'postgres') {
      for (const batchSize of args.batchSizes) {
        for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
        copyFileSync(pristine, file);
        log(`rebuild all on SQLite, --batch-size ${batchSize}…`);
        report(await runRebuild('sqlite', { DATA_DIR: dataDir }, batchSize), 'sqlite');
      }
    }
    if (args.store !== 'sqlite') {
      execFileSync('mkdir', ['-p', pgDir]);
      const out = execFileSync('bash', [join(ROOT, 'infra/postgres/start.sh'), pgDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      pgStarted = true;
      const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
      if (!url) throw new Error(`infra/postgres/start.sh printed no DATABASE_URL:\n${out}`);
      await copyToPostgres(pristine, url);
      const pgHome = existsSync(join(pgDir, 'pghome')) ? readFileSync(join(pgDir, 'pghome'), 'utf8').trim() : pgDir;
      const admin = new Pool({ connectionString: url, max: 1 });
      try {
        for (const [i, batchSize] of args.batchSizes.entries()) {
          // A copy of the database as loaded, for each rebuild (a file copy: seconds, not the load again).
          const database = `rebuild_${i}`;
          await admin.query(`CREATE DATABASE ${database} TEMPLATE poc`);
          const at = new URL(url);
          at.pathname = `/${database}`;
          log(`rebuild all on PostgreSQL, --batch-size ${batchSize}…`);
          report(await runRebuild('postgres', { DATABASE_URL: at.toString(), DATA_DIR: join(work, 'pg-data-dir') }, batchSize, join(pgHome, 'data')), 'postgres');
          await admin.query(`DROP DATABASE ${database}`);
        }
      } finally {
        await admin.end();
      }
    }
    if (args.doc) {
      recordRows(rows);
      log(`recorded in ${DOC}`);
    }
  } finally {
    if (pgStarted || existsSync(pgDir)) {
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
