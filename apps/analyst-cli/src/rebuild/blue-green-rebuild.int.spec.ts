import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { incidentDecider, incidentStreamId, type IncidentCommand } from '@poc/domain';
import { handleCommand, PostgresEventStore, SqliteEventStore, type EventStore } from '@poc/event-store';
import {
  ALL_PROJECTIONS,
  incidentsProjection,
  PostgresReadModelStore,
  ProjectionRunner,
  ReadModelSwapped,
  shadowName,
  SqliteReadModelStore,
  type BlueGreenReadModelStore,
  type IncidentView,
  type Projection,
  type ReadModelCommit,
} from '@poc/projections';
import { CliError } from '../shared/cli-error';
import { rebuildReadModels } from './blue-green-rebuild';
import { lockRebuilds } from './rebuild-lock';
import { isOutdated } from './select-projections';

/**
 * The blue/green rebuild in one process, on both stores: what the shadow build, the resume
 * and the swap guarantee, and the live projector's fence. The CLI around it is driven as a
 * child process in tests/e2e/analyst-cli.e2e.spec.ts.
 */

type Backend = Readonly<{
  eventStore: EventStore;
  /** The rebuild's store. */
  store: BlueGreenReadModelStore;
  /** Another connection / pool on the same read models: the live projector's. */
  live: BlueGreenReadModelStore;
  lock: Parameters<typeof lockRebuilds>[0];
  /** The names of the indexes on a table, as the database lists them. */
  indexesOf: (table: string) => Promise<string[]>;
  teardown: () => Promise<void>;
}>;

const sqlite = async (): Promise<Backend> => {
  const dir = mkdtempSync(join(tmpdir(), 'poc-bluegreen-'));
  const file = join(dir, 'poc.sqlite');
  const eventStore = new SqliteEventStore(file);
  const open = () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    return db;
  };
  const dbs = [open(), open()];
  return {
    eventStore,
    store: new SqliteReadModelStore(dbs[0]!),
    live: new SqliteReadModelStore(dbs[1]!),
    lock: { dataDir: dir },
    indexesOf: async (table) =>
      (dbs[0]!.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name").pluck().all(table) as string[]),
    teardown: async () => {
      await eventStore.close();
      dbs.forEach((db) => db.close());
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const postgres = async (): Promise<Backend> => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the int tier starts a PostgreSQL (npx jest --selectProjects int)');
  const database = `bluegreen_${randomBytes(6).toString('hex')}`;
  const admin = new Pool({ connectionString: url, max: 1 });
  await admin.query(`CREATE DATABASE ${database}`);
  const at = new URL(url);
  at.pathname = `/${database}`;
  const pools = [new Pool({ connectionString: at.toString(), max: 6 }), new Pool({ connectionString: at.toString(), max: 6 })];
  pools.forEach((p) => p.on('error', () => undefined));
  const eventStore = await PostgresEventStore.open(pools[0]!);
  return {
    eventStore,
    store: new PostgresReadModelStore(pools[0]!),
    live: new PostgresReadModelStore(pools[1]!),
    lock: { pool: pools[0]! },
    indexesOf: async (table) =>
      (await pools[0]!.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE tablename = $1 AND indexname LIKE 'ix\\_%' ORDER BY 1", [table])).rows.map((r) => r.name),
    teardown: async () => {
      await eventStore.close();
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    },
  };
};

const at = (day: number, hour = 6) => new Date(Date.UTC(2020, 2, 1 + day, hour)).toISOString();
const PLACES = [
  { lat: 14.15, lon: -3.62, precision: 2 as const, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' },
  { lat: 14.064, lon: -3.0754, precision: 2 as const, place: 'Koro', cercle: 'Koro', region: 'Mopti' },
];

/** `count` incidents from number `first`; every 4th corrected later, every 9th retracted. */
const appendIncidents = async (store: EventStore, first: number, count: number): Promise<void> => {
  const send = (id: string, recordedAt: string, command: Omit<IncidentCommand, 'context'>) =>
    handleCommand(store, incidentDecider, incidentStreamId(id), { ...command, context: { now: recordedAt } } as IncidentCommand, {
      metadata: { actor: 'test', role: 'system', correlationId: `c-${id}` },
      recordedAt,
    });
  for (let n = first; n < first + count; n++) {
    const id = `i${String(n).padStart(5, '0')}`;
    await send(id, at(n % 40, 12), {
      type: 'ReportIncident',
      data: { incidentId: id, occurredAt: at(n % 40), location: PLACES[n % 2]!, kind: n % 3 === 0 ? 'clash' : 'attack-on-civilians', fatalities: n % 5 },
    });
    if (n % 4 === 0) await send(id, at(n % 40, 18), { type: 'CorrectIncident', data: { incidentId: id, fatalities: (n % 5) + 2 } });
    if (n % 9 === 0) await send(id, at(n % 40, 20), { type: 'RetractIncident', data: { incidentId: id, reason: 'duplicate' } });
  }
};

/** The live projector: applies what it has not yet applied, from its checkpoint. */
const catchUp = async (eventStore: EventStore, runner: ProjectionRunner): Promise<void> => {
  for (let position = await runner.position(); ; ) {
    const batch = await eventStore.readAll({ fromPosition: position, limit: 200 });
    if (batch.length === 0) return;
    await runner.handle(batch);
    position = batch[batch.length - 1]!.position;
  }
};

/** Every document of every read model, folded from scratch in memory: what any store must hold. */
const expectedDocs = async (eventStore: EventStore): Promise<Record<string, unknown[]>> => {
  const memory = new SqliteReadModelStore(new Database(':memory:'));
  await catchUpInto(eventStore, memory);
  return docsOf(memory);
};
const catchUpInto = async (eventStore: EventStore, store: SqliteReadModelStore) => {
  const runner = new ProjectionRunner(store, ALL_PROJECTIONS);
  await runner.init();
  await catchUp(eventStore, runner);
};
const docsOf = async (store: BlueGreenReadModelStore): Promise<Record<string, unknown[]>> => {
  const out: Record<string, unknown[]> = {};
  for (const p of ALL_PROJECTIONS) out[p.name] = await store.find(p.collection, { orderBy: [{ column: 'key' }] });
  return out;
};

const withLiveReadModels = (open: () => Promise<Backend>) => {
  const state = {} as { b: Backend; liveRunner: ProjectionRunner };
  beforeEach(async () => {
    state.b = await open();
    await appendIncidents(state.b.eventStore, 0, 120);
    state.liveRunner = new ProjectionRunner(state.b.live, ALL_PROJECTIONS);
    await state.liveRunner.init();
    await catchUp(state.b.eventStore, state.liveRunner);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await state.b.teardown();
  });
  return state;
};

/** PostgreSQL keeps the first 63 bytes of an identifier (a covering index's name is longer): compare those. */
const identifier = (name: string) => name.slice(0, 63);

describe.each([
  ['SQLite', sqlite],
  ['PostgreSQL', postgres],
])('blue/green rebuild on %s', (_name, open) => {
  const state = withLiveReadModels(open);
  let b: Backend;
  let liveRunner: ProjectionRunner;
  beforeEach(() => ({ b, liveRunner } = state));

  it('builds beside the live read models, then swaps them in: same documents, new generation, nothing left behind', async () => {
    const before = await docsOf(b.live);
    const head = await b.eventStore.lastPosition();

    const report = await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: ALL_PROJECTIONS, batchSize: 50 });

    expect(report.position).toBe(head);
    expect(report.events).toBe(head);
    expect(await docsOf(b.live)).toEqual(before);
    expect(await docsOf(b.live)).toEqual(await expectedDocs(b.eventStore));
    const builds = await b.live.builds();
    for (const p of ALL_PROJECTIONS) {
      expect(builds.get(p.name)).toMatchObject({ version: p.version, generation: 1 });
      expect(builds.has(shadowName(p.name))).toBe(false);
      expect(await b.live.checkpoint(p.name)).toBe(head);
      expect(await b.live.checkpoint(shadowName(p.name))).toBe(0);
    }
    expect(await b.live.appliedVersions('incidents', ['incident-i00000'])).toEqual(new Map([['incident-i00000', 3]]));
    expect(await b.live.appliedVersions(shadowName('incidents'), ['incident-i00000'])).toEqual(new Map());

    // The live projector carries on: a redelivery changes nothing, new events land in the new tables.
    await liveRunner.handle(await b.eventStore.readAll({ fromPosition: 0, limit: 50 }));
    expect(await docsOf(b.live)).toEqual(before);
    await appendIncidents(b.eventStore, 120, 10);
    await catchUp(b.eventStore, liveRunner);
    expect(await docsOf(b.live)).toEqual(await expectedDocs(b.eventStore));
  });

  it('the swapped-in tables have their secondary indexes, under the live names', async () => {
    await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: ALL_PROJECTIONS, batchSize: 50 });
    for (const p of ALL_PROJECTIONS) {
      const expected = p.collection.indexes.map((columns) => identifier(`ix_${p.collection.name}_${columns.join('_')}`)).sort();
      expect((await b.indexesOf(`rm_${p.collection.name}`)).map(identifier)).toEqual(expected);
      expect(await b.indexesOf(`rm_${shadowName(p.collection.name)}`)).toEqual([]);
    }
    // And a second rebuild swaps in the same again.
    await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: [incidentsProjection as Projection] });
    expect((await b.indexesOf('rm_incidents')).map(identifier)).toEqual(incidentsProjection.collection.indexes.map((c) => identifier(`ix_incidents_${c.join('_')}`)).sort());
  });

  it('an interrupted rebuild leaves the live read models alone and resumes from its shadow checkpoint', async () => {
    const before = await docsOf(b.live);
    const interrupted = rebuildReadModels({
      eventStore: b.eventStore,
      store: b.store,
      projections: ALL_PROJECTIONS,
      batchSize: 40,
      afterBatch: (position) => {
        if (position >= 80) throw new Error('killed');
      },
    });
    await expect(interrupted).rejects.toThrow('killed');
    expect(await docsOf(b.live)).toEqual(before);
    const builds = await b.live.builds();
    expect(builds.get(shadowName('incidents'))).toMatchObject({ version: incidentsProjection.version });
    expect(builds.get('incidents')).toMatchObject({ generation: 0 });
    const reached = await b.live.checkpoint(shadowName('incidents'));
    expect(reached).toBeGreaterThanOrEqual(80);

    const said: string[] = [];
    const report = await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: ALL_PROJECTIONS, batchSize: 40, say: (l) => said.push(l) });

    expect(report.fromPosition).toBe(reached);
    expect(report.projections.find((p) => p.name === 'incidents')?.resumedFrom).toBe(reached);
    expect(said).toContain(`resuming the rebuild of incidents (v${incidentsProjection.version}) from position ${reached}`);
    expect(await docsOf(b.live)).toEqual(before);
  });

  it('records the version each read model was built with; a version change makes it outdated and discards its unfinished shadow', async () => {
    const v99: Projection = { ...(incidentsProjection as Projection), version: 99 };
    expect(isOutdated(v99, await b.store.builds())).toBe(true);
    // An unfinished rebuild by v99…
    await expect(
      rebuildReadModels({
        eventStore: b.eventStore,
        store: b.store,
        projections: [v99],
        batchSize: 40,
        afterBatch: () => {
          throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // …is of no use to the code at its own version: it starts over.
    const said: string[] = [];
    const report = await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: [incidentsProjection as Projection], say: (l) => said.push(l) });
    expect(said[0]).toMatch(new RegExp(`discarding the unfinished rebuild of incidents: it was built with v99, the code is at v${incidentsProjection.version}`));
    expect(report.fromPosition).toBe(0);

    await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: [v99] });
    const builds = await b.store.builds();
    expect(builds.get('incidents')).toMatchObject({ version: 99, generation: 2 });
    expect(isOutdated(incidentsProjection as Projection, builds)).toBe(true);
    expect(isOutdated(v99, builds)).toBe(false);
  });

  it('a live batch that began before the swap is refused and applied again to the new tables, once', async () => {
    await appendIncidents(b.eventStore, 120, 12); // not yet applied by the live projector
    const commit = b.live.commit.bind(b.live);
    const refused: unknown[] = [];
    let calls = 0;
    jest.spyOn(b.live, 'commit').mockImplementation(async (c: ReadModelCommit) => {
      // The live batch has read the old tables; the rebuild (which sees the new events too) swaps now.
      if (calls++ === 0) await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: ALL_PROJECTIONS });
      try {
        return await commit(c);
      } catch (error) {
        refused.push(error);
        throw error;
      }
    });

    await catchUp(b.eventStore, liveRunner);

    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ReadModelSwapped);
    expect(await docsOf(b.live)).toEqual(await expectedDocs(b.eventStore));
    const [i120] = await b.live.find<IncidentView>(incidentsProjection.collection, { where: [{ column: 'key', op: '=', value: 'i00120' }] });
    expect(i120?.corrections).toBe(1);
  });

  it('one rebuild at a time', async () => {
    const release = await lockRebuilds(b.lock);
    await expect(lockRebuilds(b.lock)).rejects.toThrow(CliError);
    await release();
    const again = await lockRebuilds(b.lock);
    await again();
  });
});

/**
 * Writers and the live projector running while the rebuild runs. PostgreSQL only in this
 * process: better-sqlite3 waits for a lock synchronously, so one thread cannot hold SQLite's
 * write lock across awaits while its other connections wait for it. Across processes it
 * can: tests/e2e/analyst-cli.e2e.spec.ts rebuilds under the all-in-one's load on SQLite.
 */
describe('blue/green rebuild on PostgreSQL, with writers and the live projector running', () => {
  const state = withLiveReadModels(postgres);
  let b: Backend;
  let liveRunner: ProjectionRunner;
  beforeEach(() => ({ b, liveRunner } = state));

  it('events appended and projected live during the rebuild all end up in the new read models', async () => {
    let stop = false;
    const appender = (async () => {
      for (let n = 200; !stop; n += 3) {
        await appendIncidents(b.eventStore, n, 3);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const projector = (async () => {
      while (!stop) {
        await catchUp(b.eventStore, liveRunner);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const report = await rebuildReadModels({ eventStore: b.eventStore, store: b.store, projections: ALL_PROJECTIONS, batchSize: 20, maxRate: 1500 });
    await new Promise((r) => setTimeout(r, 100));
    stop = true;
    await Promise.all([appender, projector]);
    await catchUp(b.eventStore, liveRunner);

    expect(report.projections.every((p) => p.generation === 1)).toBe(true);
    expect(await docsOf(b.live)).toEqual(await expectedDocs(b.eventStore));
  });

});
