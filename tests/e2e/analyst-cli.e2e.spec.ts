import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { StoredEvent } from '@poc/domain';
import { PostgresEventStore, SqliteEventStore, type EventStore } from '@poc/event-store';
import {
  ALL_PROJECTIONS,
  incidentsProjection,
  PostgresReadModelStore,
  ProjectionRunner,
  shadowName,
  SqliteReadModelStore,
  type BlueGreenReadModelStore,
} from '@poc/projections';
import { buffaloScenario } from '../../apps/all-in-one/src/demo/buffalo-scenario';
import { seedScenario } from '../../apps/all-in-one/src/demo/seed';
import { ACLED_COLUMNS } from '../../apps/analyst-cli/src/export/acled-format';
import { API_KEYS, KEYS, at, OGOSSAGOU } from '../support/alert-flow';
import { freePort, ROOT, startApp, tempDir, type AppProcess } from '../support/app-process';
import { client } from '../support/http-client';

/**
 * The analysts' CLI as analysts run it — a child process, configured by the environment
 * like the apps — on the demo scenario in SQLite and in a fresh PostgreSQL database: what
 * each command prints, its exit code, and the blue/green rebuild under query load.
 */

const CLI = 'apps/analyst-cli/src/main.ts';

type Run = Readonly<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;

const startCli = (args: readonly string[], env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } => {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<Run>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
};

const cli = (args: readonly string[], env: Record<string, string>): Promise<Run> => startCli(args, env).done;

/** An analyst's error: one line on stderr, nothing on stdout, exit 1. */
const expectOneLineError = (run: Run, pattern: RegExp) => {
  expect({ code: run.code, stdout: run.stdout, lines: run.stderr.trim().split('\n').length }).toEqual({ code: 1, stdout: '', lines: 1 });
  expect(run.stderr.trim()).toMatch(pattern);
};

const expectSuccess = (run: Run) => expect({ code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ code: 0, stderr: '' });

/** Records in CSV text (quoted fields may hold newlines), header included. */
const csvRecords = (text: string): number => {
  let records = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) records++;
  }
  return records;
};

const readAll = async (store: EventStore): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for (let batch = await store.readAll({ limit: 1000 }); batch.length > 0; batch = await store.readAll({ fromPosition: all[all.length - 1]!.position, limit: 1000 })) {
    all.push(...batch);
  }
  return all;
};

/** Incidents as they stood, folded here by hand from the events: what `replay` must report. */
const incidentsAsOf = (events: readonly StoredEvent[], until?: string, knownAt?: string) => {
  const status = new Map<string, 'active' | 'retracted'>();
  for (const e of events) {
    if (until && Date.parse(e.occurredAt) > Date.parse(until)) continue;
    if (knownAt && Date.parse(e.recordedAt) > Date.parse(knownAt)) continue;
    const id = (e.data as { incidentId: string }).incidentId;
    if (e.type === 'IncidentReported') status.set(id, 'active');
    if (e.type === 'IncidentRetracted' && status.has(id)) status.set(id, 'retracted');
  }
  const active = [...status.values()].filter((s) => s === 'active').length;
  return { total: status.size, active, retracted: status.size - active };
};

const docsOf = async (store: BlueGreenReadModelStore): Promise<Record<string, unknown[]>> => {
  const out: Record<string, unknown[]> = {};
  for (const p of ALL_PROJECTIONS) out[p.name] = await store.find(p.collection, { orderBy: [{ column: 'key' }] });
  return out;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Target = Readonly<{
  env: Record<string, string>;
  eventStore: EventStore;
  /** The test's own connection to the read models the CLI works on. */
  readModels: BlueGreenReadModelStore;
  /** Pretends the read model of `projection` was built by another version of its code. */
  setBuiltVersion: (projection: string, version: number) => Promise<void>;
  /** Env for the same backend, but a database that cannot be opened. */
  unreachable: () => Promise<Record<string, string>>;
  /** The query side as a child process on these read models. */
  startQueryApp: () => Promise<AppProcess>;
  teardown: () => Promise<void>;
}>;

const sqliteTarget = async (): Promise<Target> => {
  const dir = tempDir('poc-analyst-e2e-');
  const file = join(dir, 'poc.sqlite');
  const eventStore = new SqliteEventStore(file);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  return {
    env: { EVENT_STORE: 'sqlite', DATA_DIR: dir },
    eventStore,
    readModels: new SqliteReadModelStore(db),
    setBuiltVersion: async (projection, version) => void db.prepare('UPDATE rm_builds SET version = ? WHERE projection = ?').run(version, projection),
    // A data folder inside a file: the store cannot be created.
    unreachable: async () => ({ EVENT_STORE: 'sqlite', DATA_DIR: join(file, 'not-a-dir') }),
    // The all-in-one on the same file: write side, live projector and query API in one process.
    startQueryApp: () => startApp('apps/all-in-one/src/main.ts', { DATA_DIR: dir, API_KEYS, LOG_LEVEL: 'warn', EVENT_STORE: 'sqlite' }),
    teardown: async () => {
      await eventStore.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgresTarget = async (): Promise<Target> => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the e2e tier starts a PostgreSQL (npx jest --selectProjects e2e)');
  const database = `analyst_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE DATABASE ${database}`);
  const fresh = new URL(url);
  fresh.pathname = `/${database}`;
  const pool = new Pool({ connectionString: fresh.toString(), max: 4 });
  pool.on('error', () => undefined);
  const eventStore = await PostgresEventStore.open(pool);
  const env = { EVENT_STORE: 'postgres', BUS: 'inprocess', DATABASE_URL: fresh.toString() };
  return {
    env,
    eventStore,
    readModels: new PostgresReadModelStore(pool),
    setBuiltVersion: async (projection, version) => void (await pool.query('UPDATE rm_builds SET version = $1 WHERE projection = $2', [version, projection])),
    unreachable: async () => ({ EVENT_STORE: 'postgres', DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/nowhere` }),
    startQueryApp: () => startApp('apps/query-api/src/main.ts', { ...env, API_KEYS, LOG_LEVEL: 'warn' }),
    teardown: async () => {
      await eventStore.close();
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
};

/**
 * GETs in a loop from `workers` clients until `stop()`: every status and body, to show that
 * no query failed and none saw anything but the read models as they were.
 */
const hammer = (url: string, paths: readonly string[], workers = 4) => {
  let stopped = false;
  const replies: { path: string; status: number; body: unknown }[] = [];
  const failures: string[] = [];
  const ops = client(url, KEYS.ops);
  const loops = Array.from({ length: workers }, async (_, w) => {
    for (let i = w; !stopped; i++) {
      const path = paths[i % paths.length]!;
      try {
        const reply = await ops.get(path);
        replies.push({ path, status: reply.status, body: reply.body });
      } catch (error) {
        failures.push(`${path}: ${String(error)}`);
      }
    }
  });
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
      return { replies, failures };
    },
  };
};

/** Order-free comparison: ties in a sort column may come back in either order from either table. */
const byId = (body: unknown) =>
  Array.isArray(body) ? [...body].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : body;

const LOAD_PATHS = ['/incidents?limit=1000', '/alerts?limit=1000', '/incidents/daily?from=2020-02-01&to=2020-04-30'];

describe.each([
  ['SQLite', sqliteTarget],
  ['PostgreSQL', postgresTarget],
])('analyst CLI on %s', (_name, open) => {
  let target: Target;
  let env: Record<string, string>;
  let events: StoredEvent[];
  let last: number;

  beforeAll(async () => {
    target = await open();
    env = target.env;
    await seedScenario(target.eventStore, buffaloScenario());
    // The live read models, as a projector would have built them.
    const runner = new ProjectionRunner(target.readModels, ALL_PROJECTIONS);
    await runner.init();
    events = await readAll(target.eventStore);
    for (let i = 0; i < events.length; i += 200) await runner.handle(events.slice(i, i + 200));
    last = await target.eventStore.lastPosition();
  });
  afterAll(async () => {
    await target?.teardown();
  });

  it('history: a stream as a timeline', async () => {
    const corrected = events.find((e) => e.type === 'IncidentCorrected')!.streamId;
    const run = await cli(['history', corrected], env);
    expectSuccess(run);
    const count = events.filter((e) => e.streamId === corrected).length;
    expect(run.stdout).toContain(`${corrected} — ${count} event(s)`);
    expect(run.stdout).toMatch(/v1 {2}#\d+ {2}IncidentReported \(schema v\d+\)/);
    expect(run.stdout).toMatch(/v2 {2}#\d+ {2}IncidentCorrected/);
    expect(run.stdout).toContain('by demo-seeder (system)');

    expectOneLineError(await cli(['history', 'incident-does-not-exist'], env), /^error: stream incident-does-not-exist has no events$/);
  });

  it('stats: events per type, streams per category, checkpoints, versions', async () => {
    const run = await cli(['stats'], env);
    expectSuccess(run);
    expect(run.stdout).toContain(`last position: ${last}`);
    const reported = events.filter((e) => e.type === 'IncidentReported').length;
    expect(run.stdout).toMatch(new RegExp(`\\n {2}IncidentReported +${reported}\\n`));
    expect(run.stdout).toMatch(new RegExp(`\\n {2}incident +${reported}\\n`));
    for (const p of ALL_PROJECTIONS) {
      expect(run.stdout).toMatch(new RegExp(`\\n {2}${p.name} +${last} {2}lag 0 +built v${p.version} / code v${p.version} {2}generation \\d+\\n`));
    }
    expect(run.stdout).not.toContain('OUTDATED');
  });

  it('report: the period\'s figures, counted as the events say', async () => {
    const run = await cli(['report', '--from', '2020-03-01', '--to', '2020-03-31', '--format', 'json'], env);
    expectSuccess(run);
    const report = JSON.parse(run.stdout) as { sections: { figures: { key: string; value: number }[] }[] };
    const figure = (key: string) => report.sections.flatMap((s) => s.figures).find((f) => f.key === key)!.value;
    // From the events themselves: each incident's time after its corrections, and whether it was retracted.
    const incidents = new Map<string, { occurredAt: string; active: boolean }>();
    for (const e of events) {
      const data = e.data as { incidentId?: string; changes?: { occurredAt?: string } };
      if (e.type === 'IncidentReported') incidents.set(data.incidentId!, { occurredAt: e.occurredAt, active: true });
      if (e.type === 'IncidentCorrected' && data.changes?.occurredAt) incidents.get(data.incidentId!)!.occurredAt = data.changes.occurredAt;
      if (e.type === 'IncidentRetracted') incidents.get(data.incidentId!)!.active = false;
    }
    const march = [...incidents.values()].filter((i) => i.active && i.occurredAt >= '2020-03-01' && i.occurredAt < '2020-04-01');
    expect(march.length).toBeGreaterThan(0);
    expect(figure('incidents.total')).toBe(march.length);
    const received = events.filter((e) => e.type === 'AlertReceived' && (e.data as { receivedAt: string }).receivedAt.startsWith('2020-03')).length;
    expect(figure('alerts.received')).toBe(received);

    const markdown = await cli(['report', '--from', '2020-03-01', '--to', '2020-03-31', '--format', 'markdown'], env);
    expectSuccess(markdown);
    expect(markdown.stdout).toContain('# Period report, 2020-03-01 to 2020-03-31');
    expect(markdown.stdout).toContain(`| incidents | ${march.length.toLocaleString('en-US')} |`);
    expectOneLineError(await cli(['report', '--from', 'March', '--to', '2020-03-31'], env), /^error: --from must be a day/);
  });

  it('export events as ndjson: every event, in order', async () => {
    const run = await cli(['export', 'events'], env);
    expectSuccess(run);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(events.length);
    expect(lines.map((l) => l.position)).toEqual(events.map((e) => e.position));
    expect(lines[0]).toMatchObject({ id: events[0]!.id, type: events[0]!.type, data: events[0]!.data, actor: 'demo-seeder' });
  });

  it('export incidents as csv and acled, within a date range', async () => {
    const active = { column: 'status', op: '=', value: 'active' } as const;
    const all = (await target.readModels.countBy(incidentsProjection.collection, [], [active]))[0]!.count;
    const march = (
      await target.readModels.countBy(incidentsProjection.collection, [], [
        active,
        { column: 'occurred_at', op: '>=', value: '2020-03-01T00:00:00.000Z' },
        { column: 'occurred_at', op: '<=', value: '2020-03-31T23:59:59.999Z' },
      ])
    )[0]!.count;
    expect(march).toBeGreaterThan(0);

    const [csv, acled, ndjson] = await Promise.all([
      cli(['export', 'incidents', '--format', 'csv'], env),
      cli(['export', 'incidents', '--format', 'acled', '--from', '2020-03-01', '--to', '2020-03-31'], env),
      cli(['export', 'incidents', '--from', '2020-03-01', '--to', '2020-03-31'], env),
    ]);
    [csv, acled, ndjson].forEach(expectSuccess);
    expect(csv.stdout.split('\n')[0]).toMatch(/^incidentId,occurredAt,recordedAt,kind,fatalities,/);
    expect(csvRecords(csv.stdout)).toBe(all + 1);
    expect(acled.stdout.split('\n')[0]).toBe(ACLED_COLUMNS.join(','));
    expect(csvRecords(acled.stdout)).toBe(march + 1);
    expect(acled.stdout).toContain(',Mali,466,');
    const incidents = ndjson.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(incidents).toHaveLength(march);
    expect(incidents.every((i) => i.occurredAt >= '2020-03-01' && i.occurredAt < '2020-04-01')).toBe(true);
  });

  it('rebuild all: new read models swapped in, equal to the old, progress on stderr only', async () => {
    const before = await docsOf(target.readModels);
    const generation = (await target.readModels.builds()).get('incidents')!.generation;

    const run = await cli(['rebuild', 'all'], env);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`swapped in at position ${last}:`);
    for (const p of ALL_PROJECTIONS) expect(run.stdout).toMatch(new RegExp(`\\n {2}${p.name} +v${p.version} +generation ${generation + 1} +\\d+ documents\\n`));
    expect(run.stdout).toMatch(new RegExp(`\\n${last} events in [\\d.]+ s \\(\\d+ events/s\\); the swap took \\d+ ms`));
    expect(run.stdout).not.toContain('positions'); // the bar is on stderr
    expect(run.stderr).toMatch(/rebuild \[[█░]+\] 100% \| \d+\/\d+ positions \| \d+ events\/s \| \d+s left/);
    expect(await docsOf(target.readModels)).toEqual(before);
    expect((await target.readModels.builds()).get('incidents')!.generation).toBe(generation + 1);
  });

  it('rebuild, killed, resumes from its checkpoint; stats shows the unfinished rebuild', async () => {
    const before = await docsOf(target.readModels);
    const { child, done } = startCli(['rebuild', 'incidents', '--batch-size', '20', '--max-rate', '100', '--no-progress'], env);
    const shadow = shadowName('incidents');
    for (const deadline = Date.now() + 30_000; (await target.readModels.checkpoint(shadow)) < 60; ) {
      if (Date.now() > deadline) throw new Error(`the rebuild made no progress:\n${(await done).stderr}`);
      await sleep(50);
    }
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    const reached = await target.readModels.checkpoint(shadow);
    expect(reached).toBeLessThan(last);

    const stats = await cli(['stats'], env);
    expect(stats.stdout).toMatch(new RegExp(`unfinished rebuilds[^\\n]*\\n {2}incidents +${reached} {2}of ${last}, v${incidentsProjection.version}`));
    expect(await docsOf(target.readModels)).toEqual(before);

    const resumed = await cli(['rebuild', 'incidents', '--no-progress'], env);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming the rebuild of incidents (v${incidentsProjection.version}) from position ${reached}`);
    expect(resumed.stdout).toContain(`(resumed from ${reached})`);
    expect(resumed.stdout).toContain(`${last - reached} events in`);
    expect(await docsOf(target.readModels)).toEqual(before);
    expect((await cli(['stats'], env)).stdout).not.toContain('unfinished rebuilds');
  });

  it('rebuild --outdated: only read models built by another version; stats shows which', async () => {
    await target.setBuiltVersion('incidents', 0);
    const stats = await cli(['stats'], env);
    const code = incidentsProjection.version;
    expect(stats.stdout).toMatch(new RegExp(`\\n {2}incidents +\\d+ {2}lag 0 +built v0 / code v${code} {2}generation \\d+ {2}OUTDATED\\n`));
    expect(stats.stdout).toContain('1 read model(s) built with an older version: rebuild them with `rebuild --outdated`');

    const run = await cli(['rebuild', '--outdated', '--no-progress'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`swapped in at position \\d+:\\n {2}incidents +v${code} `));
    expect(run.stdout.match(/ documents/g)).toHaveLength(1);
    expect((await target.readModels.builds()).get('incidents')).toMatchObject({ version: code });

    const again = await cli(['rebuild', '--outdated'], env);
    expect(again).toMatchObject({ code: 0, stdout: "every read model is built with its projection's current version: nothing to rebuild\n" });
  });

  it('replay --until / --as-known-at: counts per projection and incidents per day, as they stood', async () => {
    const until = '2020-03-15T23:59:59.999Z';
    const [byWorld, byKnowledge] = await Promise.all([
      cli(['replay', '--until', '2020-03-15', '--no-progress'], env),
      cli(['replay', '--until', '2020-03-15', '--as-known-at', '2020-03-15T23:59:59.999Z'], env),
    ]);
    expectSuccess(byWorld);
    expect(byKnowledge.code).toBe(0);
    expect(byKnowledge.stderr).toMatch(/replay \[[█░]+\] 100%/); // progress on stderr, not stdout

    const world = incidentsAsOf(events, until);
    const known = incidentsAsOf(events, until, until);
    // Late reports: by the 15th, fewer of that fortnight's incidents were known than had happened.
    expect(known.total).toBeLessThan(world.total);
    const line = (s: typeof world) =>
      new RegExp(`\\n {2}incidents +${s.total} +\\(${s.active} active${s.retracted ? `, ${s.retracted} retracted` : ''}\\)\\n`);
    expect(byWorld.stdout).toMatch(line(world));
    expect(byKnowledge.stdout).toMatch(line(known));
    expect(byWorld.stdout).toContain(`  until        ${until}`);
    expect(byKnowledge.stdout).toContain(`  as known at  ${until}`);
    expect(byWorld.stdout).toMatch(new RegExp(`\\n {2}total +${world.active}\\n`));
    expect(byKnowledge.stdout).toMatch(new RegExp(`\\n {2}total +${known.active}\\n`));
    const days = [...byWorld.stdout.matchAll(/\n {2}(\d{4}-\d{2}-\d{2}) +(\d+)/g)].map((m) => m[1]!);
    expect(days.length).toBeGreaterThan(10);
    expect(days.every((d) => d <= '2020-03-15')).toBe(true);
    expect(days).toEqual([...days].sort());
  });

  it('replay --out: every document as ndjson', async () => {
    const out = join(tempDir('poc-replay-'), 'as-known.ndjson');
    const run = await cli(['replay', '--as-known-at', '2020-03-20', '--out', out, '--no-progress'], env);
    expectSuccess(run);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(run.stdout).toBe(`wrote ${lines.length} documents of ${ALL_PROJECTIONS.length} read models to ${out}\n`);
    const incidents = lines.filter((l) => l.projection === 'incidents');
    expect(incidents).toHaveLength(incidentsAsOf(events, undefined, '2020-03-20T23:59:59.999Z').total);
    expect(incidents.every((l) => l.key === l.doc.incidentId && l.doc.recordedAt <= '2020-03-20T23:59:59.999Z')).toBe(true);
    expect(new Set(lines.map((l) => l.projection))).toContain('alerts');
  });

  it('errors: an unknown projection, a bad date, an unreachable database — one line each, exit 1', async () => {
    const unreachable = await target.unreachable();
    const [unknown, badDate, badReplayDate, noDatabase, noWhat] = await Promise.all([
      cli(['rebuild', 'deterence'], env),
      cli(['export', 'incidents', '--from', '03/01/2020'], env),
      cli(['replay', '--until', '2020-13-01'], env),
      cli(['stats'], unreachable),
      cli(['replay'], env),
    ]);
    expectOneLineError(unknown, /^error: unknown projection "deterence": one of alerts, incidents, .*, or all$/);
    expectOneLineError(badDate, /^error: --from must be a date \(2020-03-01\) or a UTC time .*not "03\/01\/2020"$/);
    expectOneLineError(badReplayDate, /^error: --until must be a date .*not "2020-13-01"$/);
    expectOneLineError(noDatabase, /^error: cannot open the event store \((PostgreSQL at 127\.0\.0\.1:\d+|SQLite in .*not-a-dir)\): /);
    expectOneLineError(noWhat, /^error: replay up to when\? give --until and\/or --as-known-at$/);
  });

  it('a rebuild under query load shows no failed query', async () => {
    const app = await target.startQueryApp();
    try {
      const ops = client(app.url, KEYS.ops);
      // The all-in-one projects the store on start: wait until it has caught up.
      for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
        if ((await ops.get('/health')).body?.details?.projections?.lag === 0) break;
      }
      const before = await Promise.all(LOAD_PATHS.map((p) => ops.get(p)));
      expect(before.map((r) => r.status)).toEqual(LOAD_PATHS.map(() => 200));
      expect(before[0]!.body.length).toBeGreaterThan(100);

      const load = hammer(app.url, LOAD_PATHS);
      await sleep(300);
      const rebuild = await cli(['rebuild', 'all', '--batch-size', '50'], env);
      await sleep(300);
      const { replies, failures } = await load.stop();

      expect(rebuild.code).toBe(0);
      expect(failures).toEqual([]);
      expect(replies.filter((r) => r.status !== 200).map((r) => `${r.path} ${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
      expect(replies.length).toBeGreaterThan(20);
      // Every answer, during the rebuild and the swap as well, is what it was before.
      const expected = new Map(LOAD_PATHS.map((p, i) => [p, byId(before[i]!.body)]));
      const differing = replies.filter((r) => JSON.stringify(byId(r.body)) !== JSON.stringify(expected.get(r.path)));
      expect(differing.map((r) => r.path)).toEqual([]);
      const after = await Promise.all(LOAD_PATHS.map((p) => ops.get(p)));
      expect(after.map((r) => byId(r.body))).toEqual(before.map((r) => byId(r.body)));
    } finally {
      await app.kill('SIGKILL');
    }
  });
});

describe('analyst CLI rebuild while the all-in-one takes writes (SQLite)', () => {
  let target: Target;
  let app: AppProcess;

  beforeAll(async () => {
    target = await sqliteTarget();
    await seedScenario(target.eventStore, buffaloScenario());
    app = await target.startQueryApp();
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    await target?.teardown();
  });

  it('incidents reported during the rebuild are all in the read models after the swap', async () => {
    const ops = client(app.url, KEYS.ops);
    const posted: { id: string; position: number }[] = [];
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const reply = await ops.post('/incidents', { occurredAt: `2020-05-0${1 + (i % 9)}T10:00:00Z`, location: at(OGOSSAGOU), kind: 'looting' });
        expect(reply.status).toBe(201);
        posted.push({ id: reply.body.id, position: reply.body.position });
      }
    })();
    await sleep(200);
    const rebuild = await cli(['rebuild', 'all', '--batch-size', '50', '--no-progress'], target.env);
    await sleep(200);
    stop = true;
    await writer;

    expect(rebuild.code).toBe(0);
    expect(posted.length).toBeGreaterThan(5);
    const lastPosition = Math.max(...posted.map((p) => p.position));
    const may = await ops.get(`/incidents?from=2020-05-01&to=2020-05-31&limit=1000&minPosition=${lastPosition}`);
    expect(may.headers.get('x-read-model-stale')).toBeNull();
    expect(may.body.map((i: { incidentId: string }) => i.incidentId).sort()).toEqual(posted.map((p) => p.id).sort());
    // And the read models equal a build from scratch of everything in the store.
    const rebuiltAgain = await cli(['rebuild', 'incidents', '--no-progress'], target.env);
    expect(rebuiltAgain.code).toBe(0);
    const again = await ops.get('/incidents?from=2020-05-01&to=2020-05-31&limit=1000');
    expect(again.body).toEqual(may.body);
  });
});
