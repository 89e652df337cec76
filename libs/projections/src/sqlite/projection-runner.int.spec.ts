import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '@poc/domain';
import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { flightsProjection, type FlightView } from '../flights/flights.projection';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ConcurrentDocUpdate, type ReadModelCommit } from '../read-model-store.port';
import { EventLog, PLACES, at } from '../testing/events';
import { foldInBatches } from '../testing/projection-specification';
import { SqliteReadModelStore } from './sqlite-read-model-store';

const T = (day: string, time = '06:00:00.000Z') => `2020-03-${day}T${time}`;

/** A small history touching every projection, in store order. */
const history = (): EventLog => {
  const log = new EventLog();
  log.alertReceived('a1', { receivedAt: T('01'), caller: { phone: '+22376000000' } });
  log.alertReceived('a2', { receivedAt: T('02'), channel: 'radio', location: at(PLACES.koro, { cercle: 'Koro', region: 'Mopti' }) });
  log.flightDispatched('f1', { dispatchedAt: T('01', '07:00:00.000Z'), alertIds: ['a1'] });
  log.alertTriaged('a1', { priority: 'flash', triagedAt: T('01', '06:30:00.000Z') });
  log.deterrentPassFlown('f1', T('01', '07:30:00.000Z'), T('01', '07:45:00.000Z'));
  log.patrolDeployed('p1', { startedAt: T('02'), alertIds: ['a1', 'a2'] });
  log.flightCompleted('f1', { completedAt: T('01', '09:00:00.000Z'), outcome: 'dispersal-observed' });
  log.alertClosed('a2', { outcome: 'unfounded', closedAt: T('03') });
  log.incidentReported('i1', { location: at(PLACES.ogossagou, { cercle: 'Bankass', region: 'Mopti' }) }, { occurredAt: T('06') });
  log.incidentReported('i2', { location: at(PLACES.koro, { cercle: 'Koro', region: 'Mopti' }) }, { occurredAt: T('07') });
  log.incidentCorrected('i2', { fatalities: 2 });
  log.incidentReported('i3', { location: at(PLACES.bankass, { cercle: 'Bankass', region: 'Mopti' }) }, { occurredAt: T('08') });
  log.incidentRetracted('i3', 'duplicate of i1', T('09'));
  log.patrolCompleted('p1', { endedAt: T('04') });
  log.baseEstablished('b1', { establishedAt: T('10'), triggerIncidentId: 'i1' });
  log.iedDetected('x1');
  log.iedDetonated('x1', T('11'), 1);
  return log;
};

/** Every read-model table, rows in key order: what a redelivery must leave as it was. */
const snapshot = (db: Database.Database): Record<string, unknown[]> => {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]));
};

describe('ProjectionRunner on SQLite', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;
  let store: SqliteReadModelStore;
  let runner: ProjectionRunner;
  const opened: Database.Database[] = [];

  const open = () => {
    const handle = new Database(file);
    handle.pragma('journal_mode = WAL');
    handle.pragma('busy_timeout = 2000');
    opened.push(handle);
    return handle;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'poc-read-models-'));
    file = join(dir, 'read-models.sqlite');
    db = open();
    store = new SqliteReadModelStore(db);
    runner = new ProjectionRunner(store, ALL_PROJECTIONS);
    await runner.init();
  });

  afterEach(() => {
    for (const handle of opened.splice(0)) handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What the pure fold says the tables must hold, per projection. */
  const expectStoreToHold = async (events: readonly StoredEvent[]) => {
    const expected = foldInBatches(ALL_PROJECTIONS, events);
    for (const projection of ALL_PROJECTIONS) {
      const stored = await store.find(projection.collection, { orderBy: [{ column: 'key' }] });
      const docs = [...expected.get(projection.name)!].sort(([a], [b]) => a.localeCompare(b)).map(([, doc]) => doc);
      expect({ [projection.name]: stored }).toEqual({ [projection.name]: docs });
    }
  };

  const revOf = (table: string, key: string) => (db.prepare(`SELECT rev FROM "rm_${table}" WHERE key = ?`).get(key) as { rev: number } | undefined)?.rev;

  describe('applying batches', () => {
    it('applies a batch, writes its checkpoint and the stream versions', async () => {
      const { events } = history();
      const last = events[events.length - 1].position;
      expect(await runner.position()).toBe(0);

      await runner.handle(events);

      await expectStoreToHold(events);
      for (const projection of ALL_PROJECTIONS) expect(await store.checkpoint(projection.name)).toBe(last);
      expect(await runner.position()).toBe(last);
      const versions = db.prepare("SELECT stream_id, version FROM rm_stream_versions WHERE projection = 'alerts' ORDER BY stream_id").all();
      expect(versions).toEqual([
        { stream_id: 'alert-a1', version: 2 },
        { stream_id: 'alert-a2', version: 2 },
        { stream_id: 'flight-f1', version: 1 },
        { stream_id: 'patrol-p1', version: 1 },
      ]);
      expect(await store.appliedVersions('incidents', ['incident-i2', 'incident-none'])).toEqual(new Map([['incident-i2', 2]]));
      // One write per touched document per batch.
      expect(revOf('alerts', 'a1')).toBe(1);
    });

    it('the caller never reaches the alerts table', async () => {
      await runner.handle(history().events);
      const rows = JSON.stringify(db.prepare('SELECT * FROM rm_alerts').all());
      expect(rows).not.toContain('+22376000000');
      const [a1] = await store.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'a1' }] });
      expect(a1.hasCaller).toBe(true);
    });

    it('one event per batch gives the same tables as one batch', async () => {
      const { events } = history();
      for (const event of events) await runner.handle([event]);
      await expectStoreToHold(events);
      expect(revOf('alerts', 'a1')).toBe(4); // received, dispatched-for, triaged, patrol-for
      expect(await runner.position()).toBe(events.length);
    });

    it('an empty batch changes nothing', async () => {
      const before = snapshot(db);
      await runner.handle([]);
      expect(snapshot(db)).toEqual(before);
    });
  });

  describe('redelivery', () => {
    it('the same batch twice changes nothing: documents, revisions, counts, checkpoints', async () => {
      const { events } = history();
      await runner.handle(events);
      const once = snapshot(db);
      const counts = await store.countBy(incidentsProjection.collection, ['status']);

      await runner.handle(events);

      expect(snapshot(db)).toEqual(once);
      expect(await store.countBy(incidentsProjection.collection, ['status'])).toEqual(counts);
    });

    it('a batch overlapping what was applied takes effect for the new events only', async () => {
      const { events } = history();
      await runner.handle(events.slice(0, 11));
      await runner.handle(events.slice(3)); // events 4..11 again, then new ones

      await expectStoreToHold(events);
      const [f1] = await store.find<FlightView>(flightsProjection.collection);
      expect(f1.passes).toHaveLength(1);
      const [i2] = await store.find<IncidentView>(incidentsProjection.collection, { where: [{ column: 'key', op: '=', value: 'i2' }] });
      expect(i2.corrections).toBe(1);
    });

    it('an event repeated inside one batch takes effect once', async () => {
      // Start after the flight's dispatch: a repeated pass or correction is not absorbed by a re-creation.
      const { events } = history();
      const cut = events.findIndex((e) => e.type === 'DeterrentPassFlown');
      await runner.handle(events.slice(0, cut));
      const rest = events.slice(cut);
      await runner.handle([...rest, ...rest]);

      await expectStoreToHold(events);
      const [f1] = await store.find<FlightView>(flightsProjection.collection);
      expect(f1.passes).toHaveLength(1);
    });

    it('a redelivered old batch does not move a checkpoint back', async () => {
      const { events } = history();
      await runner.handle(events);
      await runner.handle(events.slice(0, 3));
      expect(await runner.position()).toBe(events.length);
    });
  });

  describe('a failing batch', () => {
    const incidentBoom = 'i2';

    /** Like the incidents projection, in its own table, but cannot apply one event. */
    const throwing: Projection = {
      ...(incidentsProjection as Projection),
      name: 'fragile',
      collection: { ...incidentsProjection.collection, name: 'fragile' },
      evolve: (doc, event, key) => {
        if (event.type === 'IncidentCorrected' && key === incidentBoom) throw new Error('cannot apply');
        return incidentsProjection.evolve(doc as IncidentView | undefined, event, key);
      },
    };

    /** Fails inside the transaction: a document that cannot be serialized, written after the others. */
    const unserializable: Projection = {
      ...throwing,
      name: 'unserializable',
      collection: { ...incidentsProjection.collection, name: 'unserializable' },
      evolve: (doc, event, key) => {
        const next = incidentsProjection.evolve(doc as IncidentView | undefined, event, key);
        return event.type === 'IncidentCorrected' && next ? { ...next, fatalities: BigInt(2) } : next;
      },
    };

    const withFirstBatchApplied = async (projections: readonly Projection[]) => {
      const { events } = history();
      const runnerWith = new ProjectionRunner(store, [...ALL_PROJECTIONS, ...projections]);
      await runnerWith.init();
      const cut = events.findIndex((e) => e.type === 'IncidentCorrected');
      await runnerWith.handle(events.slice(0, cut - 2));
      return { runnerWith, events, cut, before: snapshot(db), position: await runnerWith.position() };
    };

    it('an evolve that throws leaves no write and no checkpoint move', async () => {
      const { runnerWith, events, cut, before, position } = await withFirstBatchApplied([throwing]);
      expect(position).toBe(cut - 2);

      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow('cannot apply');

      expect(snapshot(db)).toEqual(before);
      expect(await runnerWith.position()).toBe(position);
      for (const projection of ALL_PROJECTIONS) expect(await store.checkpoint(projection.name)).toBe(position);
    });

    it('a failure inside the commit rolls back the writes made before it', async () => {
      const { runnerWith, events, cut, before, position } = await withFirstBatchApplied([unserializable]);
      const commit = jest.spyOn(store, 'commit');

      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow(/BigInt/);

      // The commit did start, with writes of the healthy projections ahead of the bad one.
      expect(commit).toHaveBeenCalledTimes(1);
      const { writes } = commit.mock.calls[0][0] as ReadModelCommit;
      const badAt = writes.findIndex((w) => w.collection.name === 'unserializable');
      expect(badAt).toBeGreaterThan(0);
      expect(snapshot(db)).toEqual(before);
      expect(await runnerWith.position()).toBe(position);
    });

    it('after a failure, a good batch goes through', async () => {
      const { runnerWith, events, cut } = await withFirstBatchApplied([throwing]);
      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow();
      await runner.handle(events.slice(cut - 2));
      await expectStoreToHold(events);
    });
  });

  describe('queries', () => {
    beforeEach(async () => {
      await runner.handle(history().events);
    });

    it('find filters with =, in, ranges and null tests', async () => {
      const col = alertsProjection.collection;
      const ids = (docs: AlertView[]) => docs.map((d) => d.alertId);
      expect(ids(await store.find<AlertView>(col, { where: [{ column: 'status', op: '=', value: 'triaged' }] }))).toEqual(['a1']);
      expect(ids(await store.find<AlertView>(col, { where: [{ column: 'status', op: 'in', value: ['triaged', 'closed'] }], orderBy: [{ column: 'key' }] }))).toEqual([
        'a1',
        'a2',
      ]);
      expect(await store.find(col, { where: [{ column: 'status', op: 'in', value: [] }] })).toEqual([]);
      expect(ids(await store.find<AlertView>(col, { where: [{ column: 'received_at', op: '>=', value: T('02') }] }))).toEqual(['a2']);
      expect(ids(await store.find<AlertView>(col, { where: [{ column: 'received_at', op: '<', value: T('02') }] }))).toEqual(['a1']);
      expect(ids(await store.find<AlertView>(col, { where: [{ column: 'priority', op: 'is-null' }] }))).toEqual(['a2']);
      expect(ids(await store.find<AlertView>(col, { where: [{ column: 'priority', op: 'not-null' }] }))).toEqual(['a1']);
      expect(
        ids(
          await store.find<AlertView>(col, {
            where: [
              { column: 'responded', op: '=', value: 1 },
              { column: 'cercle', op: '=', value: 'Koro' },
            ],
          }),
        ),
      ).toEqual(['a2']);
    });

    it('find orders, limits and pages', async () => {
      const col = incidentsProjection.collection;
      const ids = (docs: IncidentView[]) => docs.map((d) => d.incidentId);
      expect(ids(await store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at', desc: true }] }))).toEqual(['i3', 'i2', 'i1']);
      expect(ids(await store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], limit: 2 }))).toEqual(['i1', 'i2']);
      expect(ids(await store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], limit: 2, offset: 2 }))).toEqual(['i3']);
    });

    it('find with an offset and no limit skips that many', async () => {
      const col = incidentsProjection.collection;
      const found = await store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], offset: 1 });
      expect(found.map((d) => d.incidentId)).toEqual(['i2', 'i3']);
    });

    it('find refuses a column the collection does not have', async () => {
      await expect(store.find(alertsProjection.collection, { where: [{ column: 'caller', op: 'not-null' }] })).rejects.toThrow(/unknown column/);
      await expect(store.find(alertsProjection.collection, { orderBy: [{ column: 'status; DROP TABLE rm_alerts' }] })).rejects.toThrow();
      expect(await store.find(alertsProjection.collection)).toHaveLength(2);
    });

    it('countBy groups and filters', async () => {
      const col = incidentsProjection.collection;
      expect(await store.countBy(col, ['status'])).toEqual([
        { status: 'active', count: 2 },
        { status: 'retracted', count: 1 },
      ]);
      expect(await store.countBy(col, ['cercle', 'status'])).toEqual([
        { cercle: 'Bankass', status: 'active', count: 1 },
        { cercle: 'Bankass', status: 'retracted', count: 1 },
        { cercle: 'Koro', status: 'active', count: 1 },
      ]);
      expect(await store.countBy(col, ['cercle'], [{ column: 'status', op: '=', value: 'active' }])).toEqual([
        { cercle: 'Bankass', count: 1 },
        { cercle: 'Koro', count: 1 },
      ]);
      expect(await store.countBy(col, [])).toEqual([{ count: 3 }]);
      expect(await store.countBy(col, [], [{ column: 'occurred_day', op: '>', value: '2020-03-06' }])).toEqual([{ count: 2 }]);
    });
  });

  describe('concurrent updates', () => {
    const docWrite = (key: string, expectedRev: number, doc: unknown = { alertId: key, responses: [] }) => ({
      collection: alertsProjection.collection,
      key,
      doc,
      columns: alertsProjection.columnsOf(doc as AlertView),
      expectedRev,
    });

    it('a write with a stale expectedRev raises ConcurrentDocUpdate and commits nothing of its batch', async () => {
      await runner.handle(history().events.slice(0, 2));
      expect(revOf('alerts', 'a1')).toBe(1);
      const before = snapshot(db);

      const commit = store.commit({
        writes: [docWrite('a9', 0), docWrite('a1', 0)],
        checkpoints: [{ projection: 'alerts', position: 99 }],
        streamVersions: [{ projection: 'alerts', streamId: 'alert-a9', version: 1 }],
      });

      await expect(commit).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      await expect(commit).rejects.toThrow('alerts/a1');
      expect(snapshot(db)).toEqual(before);
    });

    it('a write expecting a revision the document does not have yet is refused', async () => {
      await expect(
        store.commit({ writes: [docWrite('a9', 3)], checkpoints: [], streamVersions: [] }),
      ).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      expect(await store.find(alertsProjection.collection)).toEqual([]);
    });

    it('a write with the current revision goes through and bumps it', async () => {
      await store.commit({ writes: [docWrite('a9', 0)], checkpoints: [], streamVersions: [] });
      await store.commit({ writes: [docWrite('a9', 1)], checkpoints: [], streamVersions: [] });
      expect(revOf('alerts', 'a9')).toBe(2);
    });

    it('the runner retries after another projector changed a document it loaded', async () => {
      const { events } = history();
      await runner.handle(events.slice(0, 3));
      const other = new SqliteReadModelStore(open());
      const [current] = await other.load(alertsProjection.collection, ['a1']).then((m) => [...m.values()]);
      const commit = jest.spyOn(store, 'commit');
      const real = SqliteReadModelStore.prototype.commit.bind(store);
      commit.mockImplementationOnce(async (c) => {
        // Another connection rewrites a1 between the runner's load and its commit.
        await other.commit({ writes: [docWrite('a1', current.rev, current.doc)], checkpoints: [], streamVersions: [] });
        return real(c);
      });

      await runner.handle(events.slice(3, 4)); // AlertTriaged a1

      expect(commit).toHaveBeenCalledTimes(2);
      expect(revOf('alerts', 'a1')).toBe(current.rev + 2);
      await expectStoreToHold(events.slice(0, 4));
    });

    it('the runner gives up after repeated conflicts', async () => {
      const commit = jest.spyOn(store, 'commit').mockRejectedValue(new ConcurrentDocUpdate('alerts', 'a1'));
      await expect(runner.handle(history().events.slice(0, 1))).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      expect(commit).toHaveBeenCalledTimes(5);
    });

    it('the runner does not retry other errors', async () => {
      const commit = jest.spyOn(store, 'commit').mockRejectedValue(new Error('disk full'));
      await expect(runner.handle(history().events.slice(0, 1))).rejects.toThrow('disk full');
      expect(commit).toHaveBeenCalledTimes(1);
    });
  });
});
