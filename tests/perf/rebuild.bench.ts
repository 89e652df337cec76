/**
 * Benchmark (not a test: never run by `npm test`): how fast `analyst rebuild all` rebuilds
 * every read model from a large event store, on SQLite and on PostgreSQL.
 *
 *   npm run -s bench:rebuild -- --events 1000000 --store both
 *   node -r @swc-node/register tests/perf/rebuild.bench.ts --events 1000000 --store sqlite|postgres|both [--no-doc]
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
 * 3. The real rebuild: the CLI `rebuild all --no-progress` as a child process under
 *    `/usr/bin/time -v` (peak RSS of the child), with EVENT_STORE / DATA_DIR / DATABASE_URL.
 * 4. Prints a markdown row and updates the "Rebuild" table of docs/performance.md.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { Pool } from 'pg';
import type { StoredEvent } from '@poc/domain';
import { PostgresEventStore, SqliteEventStore, upcasting, type EventStore } from '@poc/event-store';
import { buffaloScenario } from '../../apps/all-in-one/src/demo/buffalo-scenario';
import { seedScenario } from '../../apps/all-in-one/src/demo/seed';

const ROOT = resolve(__dirname, '../..');
const DOC = join(ROOT, 'docs/performance.md');
const TEMPLATE_SEEDS = [20200601, 1, 2, 3, 4, 5, 6, 7];
const WEEK_MS = 7 * 24 * 3600 * 1000;

type Args = { events: number; store: 'sqlite' | 'postgres' | 'both'; doc: boolean; batchSize?: number };

const parseArgs = (argv: string[]): Args => {
  const args: Args = { events: 1_000_000, store: 'both', doc: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--events') args.events = Number(argv[++i]);
    else if (a === '--store') args.store = argv[++i] as Args['store'];
    else if (a === '--batch-size') args.batchSize = Number(argv[++i]);
    else if (a === '--no-doc') args.doc = false;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!Number.isSafeInteger(args.events) || args.events < 1) throw new Error('--events must be a positive integer');
  if (!['sqlite', 'postgres', 'both'].includes(args.store)) throw new Error('--store must be sqlite, postgres or both');
  return args;
};

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------------------------------
// 1. Events

/** Runs of events of one stream recorded at the same moment: what one command appended. */
type Append = { streamId: string; recordedAt: string; events: StoredEvent[] };

const templateOf = async (seed: number): Promise<Append[]> => {
  const store = upcasting(new SqliteEventStore(':memory:'));
  await seedScenario(store, buffaloScenario(seed));
  const events = await store.readAll({ limit: 1_000_000 });
  await store.close();
  const appends: Append[] = [];
  for (const e of events) {
    const last = appends[appends.length - 1];
    if (last && last.streamId === e.streamId && last.recordedAt === e.recordedAt) last.events.push(e);
    else appends.push({ streamId: e.streamId, recordedAt: e.recordedAt, events: [e] });
  }
  return appends;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z/g;

/** A copy of a template with fresh uuids (consistently within the copy) and dates shifted by `shiftMs`. */
const replicate = (template: readonly Append[], shiftMs: number): Append[] => {
  const ids = new Map<string, string>();
  const fresh = (id: string) => {
    let mapped = ids.get(id);
    if (!mapped) ids.set(id, (mapped = randomUUID()));
    return mapped;
  };
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  const rewrite = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(UUID, fresh).replace(ISO, shift)) as T;
  return template.map((a) => ({
    streamId: a.streamId.replace(UUID, fresh),
    recordedAt: shift(a.recordedAt),
    events: a.events.map((e) => ({ ...e, occurredAt: shift(e.occurredAt), data: rewrite(e.data), metadata: rewrite(e.metadata) })),
  }));
};

/** Appends `count` events (a whole number of commands, so slightly more) to a new SQLite event store at `file`. */
const generateSqlite = async (file: string, count: number): Promise<{ events: number; streams: number; seconds: number }> => {
  const started = Date.now();
  const templates = await Promise.all(TEMPLATE_SEEDS.map(templateOf));
  const db = new Database(file);
  const raw = new SqliteEventStore(db);
  // Loading only: the rebuild reopens the file with the store's own settings (synchronous=FULL).
  db.pragma('synchronous = OFF');
  const store: EventStore = upcasting(raw);
  let events = 0;
  const streams = new Set<string>();
  for (let copy = 0; events < count; copy++) {
    // Eight templates, each shifted by one more week every round: ~13 overlapping quarters at any time.
    const appends = replicate(templates[copy % templates.length]!, Math.floor(copy / templates.length) * WEEK_MS);
    for (const a of appends) {
      if (events >= count) break;
      await store.append(
        a.streamId,
        a.events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.occurredAt, schemaVersion: e.schemaVersion, metadata: e.metadata })),
        { recordedAt: a.recordedAt },
      );
      streams.add(a.streamId);
      events += a.events.length;
    }
    if (copy % 200 === 0) log(`generated ${events} events`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  db.close();
  return { events, streams: streams.size, seconds: (Date.now() - started) / 1000 };
};

type Row = {
  position: number;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  data: string;
  metadata: string;
};

/** Copies the SQLite events, rows as stored, into PostgreSQL (the schema the store creates). */
const copyToPostgres = async (file: string, url: string): Promise<number> => {
  const started = Date.now();
  const pool = new Pool({ connectionString: url, max: 4 });
  const store = await PostgresEventStore.open(pool, { listen: false });
  await store.close();
  const db = new Database(file, { readonly: true });
  const select = db.prepare<[number, number], Row>(
    'SELECT position, id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  const insert = `INSERT INTO events (position, id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, data, metadata)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(position bigint, id uuid, stream_id text, stream_version int, type text,
      schema_version int, occurred_at text, recorded_at text, data jsonb, metadata jsonb)`;
  let from = 0;
  let copied = 0;
  for (;;) {
    const rows = select.all(from, 5000);
    if (rows.length === 0) break;
    const json = `[${rows.map((r) => JSON.stringify({ ...r, data: 0, metadata: 0 }).replace('"data":0', `"data":${r.data}`).replace('"metadata":0', `"metadata":${r.metadata}`)).join(',')}]`;
    await pool.query(insert, [json]);
    from = rows[rows.length - 1]!.position;
    copied += rows.length;
    if (copied % 100_000 === 0) log(`copied ${copied} events to PostgreSQL`);
  }
  await pool.query('ANALYZE events');
  db.close();
  await pool.end();
  log(`copied ${copied} events to PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return copied;
};

// ---------------------------------------------------------------------------------------
// 3. The rebuild, as an operator runs it

type Measured = { store: 'sqlite' | 'postgres'; events: number; rebuildSeconds: number; wallSeconds: number; rate: number; maxRssMb: number; documents: number; stdout: string };

const runRebuild = (store: 'sqlite' | 'postgres', env: Record<string, string>, batchSize?: number): Promise<Measured> =>
  new Promise((resolvePromise, reject) => {
    const cli = ['-r', '@swc-node/register', 'apps/analyst-cli/src/main.ts', 'rebuild', 'all', '--no-progress', ...(batchSize ? ['--batch-size', String(batchSize)] : [])];
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...cli], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error', BUS: 'inprocess', EVENT_STORE: store, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The CLI's own lines, then /usr/bin/time's report (lines from "Command being timed" on).
      process.stderr.write(stderr.split('\tCommand being timed')[0]!.split('\n').filter(Boolean).map((l) => `[rebuild] ${l}\n`).join(''));
      if (code !== 0) return reject(new Error(`rebuild exited with ${code}\n${stdout}\n${stderr}`));
      const summary = /(\d+) events in ([\d.]+) s \((\d+) events\/s\)/.exec(stdout);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      if (!summary || !rss) return reject(new Error(`cannot read the rebuild's output\n${stdout}\n${stderr}`));
      const documents = [...stdout.matchAll(/(\d+) documents/g)].reduce((n, m) => n + Number(m[1]), 0);
      resolvePromise({
        store,
        events: Number(summary[1]),
        rebuildSeconds: Number(summary[2]),
        wallSeconds,
        rate: Number(summary[3]),
        maxRssMb: Math.round(Number(rss[1]) / 1024),
        documents,
        stdout,
      });
    });
  });

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
  '| date | store | events | rebuild (s) | wall (s) | events/s | peak RSS | documents | machine | command |',
  '|---|---|---:|---:|---:|---:|---:|---:|---|---|',
];
const BEGIN = '<!-- bench:rebuild:begin -->';
const END = '<!-- bench:rebuild:end -->';

const rowOf = (m: Measured, command: string, mach: ReturnType<typeof machine>) =>
  `| ${mach.date} | ${m.store === 'postgres' ? `PostgreSQL ${mach.pg}` : 'SQLite'} | ${m.events.toLocaleString('en-US')} | ${m.rebuildSeconds.toFixed(1)} | ${m.wallSeconds.toFixed(1)} | ${m.rate.toLocaleString('en-US')} | ${m.maxRssMb} MB | ${m.documents.toLocaleString('en-US')} | ${mach.nproc} CPU, ${mach.mem}, Node ${mach.node} | \`${command}\` |`;

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
  const command = `npm run -s bench:rebuild -- --events ${args.events} --store __STORE__${args.batchSize ? ` --batch-size ${args.batchSize}` : ''}`;
  const mach = machine();
  log(`machine: ${mach.nproc} CPU (${mach.cpu}), ${mach.mem} (${Math.round(totalmem() / 2 ** 30)} GiB, ${Math.round(freemem() / 2 ** 30)} GiB free), Node ${mach.node}`);
  const work = mkdtempSync(join(tmpdir(), 'poc-bench-'));
  const dataDir = join(work, 'data');
  const pgDir = join(work, 'pg');
  const rows: string[] = [];
  let pgStarted = false;
  try {
    execFileSync('mkdir', ['-p', dataDir]);
    const file = join(dataDir, 'poc.sqlite');
    const generated = await generateSqlite(file, args.events);
    log(`generated ${generated.events} events in ${generated.streams} streams in ${generated.seconds.toFixed(1)} s (${Math.round(generated.events / generated.seconds)} events/s appended)`);

    if (args.store !== 'postgres') {
      log('rebuild all on SQLite…');
      const m = await runRebuild('sqlite', { DATA_DIR: dataDir }, args.batchSize);
      process.stderr.write(m.stdout);
      rows.push(rowOf(m, command.replace('__STORE__', 'sqlite'), mach));
      console.log(rows[rows.length - 1]);
    }
    if (args.store !== 'sqlite') {
      execFileSync('mkdir', ['-p', pgDir]);
      const out = execFileSync('bash', [join(ROOT, 'infra/postgres/start.sh'), pgDir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      pgStarted = true;
      const url = /DATABASE_URL=(\S+)/.exec(out)?.[1];
      if (!url) throw new Error(`infra/postgres/start.sh printed no DATABASE_URL:\n${out}`);
      await copyToPostgres(file, url);
      log('rebuild all on PostgreSQL…');
      const m = await runRebuild('postgres', { DATABASE_URL: url, DATA_DIR: join(work, 'pg-data-dir') }, args.batchSize);
      process.stderr.write(m.stdout);
      rows.push(rowOf(m, command.replace('__STORE__', 'postgres'), mach));
      console.log(rows[rows.length - 1]);
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
