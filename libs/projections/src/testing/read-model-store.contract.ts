import type { StoredEvent } from '@poc/domain';
import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { flightsProjection, type FlightView } from '../flights/flights.projection';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import { handlesEvent, type CollectionSpec, type ColumnValue, type Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ConcurrentDocUpdate, type DocWrite, type ReadModelCommit, type ReadModelStore } from '../read-model-store.port';
import { EventLog, PLACES, at, sealedCaller } from './events';
import { foldInBatches } from './projection-specification';

export type ReadModelStoreUnderTest = Readonly<{
  /** An empty store: no collection, no checkpoint. */
  store: ReadModelStore;
  /**
   * Another store on the same data through its own connection (SQLite) or pool (PostgreSQL):
   * a second projector instance. Each call opens a new one; `teardown` closes them all.
   */
  second: () => ReadModelStore;
  /** Closes every connection and deletes the data. */
  teardown: () => Promise<void>;
}>;

export type ReadModelStoreFactory = () => Promise<ReadModelStoreUnderTest>;

const T = (day: string, time = '06:00:00.000Z') => `2020-03-${day}T${time}`;

/** Stands for the sealed caller in the history: no part of it may reach a read model. */
export const CALLER_PHONE = '+22376000000';

/** A small history touching every projection, in store order. */
export const history = (): EventLog => {
  const log = new EventLog();
  log.alertReceived('a1', { receivedAt: T('01'), caller: sealedCaller(CALLER_PHONE) });
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

/** Keys and streams some tests write outside the history; a snapshot looks at them too. */
const EXTRA_KEYS = ['a9'];
const EXTRA_STREAMS = ['alert-a9'];

/**
 * Everything the port can see of the given projections: all documents (by `find`), the
 * revision of every key the history or the tests touch (by `load`), checkpoints and stream
 * versions. What a redelivery or a failed batch must leave as it was.
 */
const snapshot = async (store: ReadModelStore, projections: readonly Projection[] = ALL_PROJECTIONS): Promise<Record<string, unknown>> => {
  const { events } = history();
  const streamIds = [...new Set([...events.map((e) => e.streamId), ...EXTRA_STREAMS])];
  const result: Record<string, unknown> = {};
  for (const p of projections) {
    const keys = [...new Set([...events.filter((e) => handlesEvent(p, e)).flatMap((e) => p.keysOf(e)), ...EXTRA_KEYS])];
    const loaded = await store.load(p.collection, keys);
    result[p.name] = {
      docs: await store.find(p.collection, { orderBy: [{ column: 'key' }] }),
      revs: Object.fromEntries([...loaded].map(([key, stored]) => [key, stored.rev])),
      checkpoint: await store.checkpoint(p.name),
      streamVersions: Object.fromEntries(await store.appliedVersions(p.name, streamIds)),
    };
  }
  return result;
};

/** A barrier for `parties` callers: each waits until all have arrived. */
const barrier = (parties: number): (() => Promise<void>) => {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    if (++arrived === parties) release();
    await all;
  };
};

const alertWrite = (key: string, expectedRev: number, doc: unknown = { alertId: key, responses: [] }): DocWrite => ({
  collection: alertsProjection.collection,
  key,
  doc,
  columns: alertsProjection.columnsOf(doc as AlertView),
  expectedRev,
});

const alertDelete = (key: string, expectedRev: number): DocWrite => ({
  collection: alertsProjection.collection,
  key,
  doc: undefined,
  columns: {},
  expectedRev,
});

/** A collection of every column type, for the tests of filters, ordering and counts. */
const TYPED: CollectionSpec = {
  name: 'typed',
  columns: { t: 'text', i: 'integer', r: 'real' },
  indexes: [['i'], ['t', 'r']],
};
type TypedRow = { key: string; t: string | null; i: number | null; r: number | null };
const typedWrite = (row: TypedRow): DocWrite => ({
  collection: TYPED,
  key: row.key,
  doc: row,
  columns: { t: row.t, i: row.i, r: row.r },
  expectedRev: 0,
});

/**
 * The behaviour every ReadModelStore adapter must have, with the ProjectionRunner writing
 * through it, written once. Call it from an adapter's spec; `factory` is called before each
 * test and must return an empty store.
 *
 *   readModelStoreContract('SQLite', async () => ({ store, second: () => other, teardown }));
 */
export const readModelStoreContract = (name: string, factory: ReadModelStoreFactory): void => {
  describe(`ReadModelStore contract: ${name}`, () => {
    let made: ReadModelStoreUnderTest | undefined;
    let store: ReadModelStore;
    let second: () => ReadModelStore;
    let runner: ProjectionRunner;

    beforeEach(async () => {
      made = await factory();
      store = made.store;
      second = made.second;
      runner = new ProjectionRunner(store, ALL_PROJECTIONS);
      await runner.init();
    });

    afterEach(async () => {
      jest.restoreAllMocks();
      await made?.teardown();
      made = undefined;
    });

    /** What the pure fold says the store must hold, per projection. */
    const expectStoreToHold = async (events: readonly StoredEvent[], on: ReadModelStore = store) => {
      const expected = foldInBatches(ALL_PROJECTIONS, events);
      for (const projection of ALL_PROJECTIONS) {
        const stored = await on.find(projection.collection, { orderBy: [{ column: 'key' }] });
        const docs = [...expected.get(projection.name)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, doc]) => doc);
        expect({ [projection.name]: stored }).toEqual({ [projection.name]: docs });
      }
    };

    const revOf = async (collection: CollectionSpec, key: string, on: ReadModelStore = store) => (await on.load(collection, [key])).get(key)?.rev;

    describe('applying batches', () => {
      it('applies a batch, writes its checkpoint and the stream versions', async () => {
        const { events } = history();
        const last = events[events.length - 1].position;
        expect(await runner.position()).toBe(0);

        await runner.handle(events);

        await expectStoreToHold(events);
        for (const projection of ALL_PROJECTIONS) expect(await store.checkpoint(projection.name)).toBe(last);
        expect(await runner.position()).toBe(last);
        const allStreams = [...new Set(events.map((e) => e.streamId))];
        expect(await store.appliedVersions('alerts', allStreams)).toEqual(
          new Map([
            ['alert-a1', 2],
            ['alert-a2', 2],
            ['flight-f1', 1],
            ['patrol-p1', 1],
          ]),
        );
        expect(await store.appliedVersions('incidents', ['incident-i2', 'incident-none'])).toEqual(new Map([['incident-i2', 2]]));
        // One write per touched document per batch.
        expect(await revOf(alertsProjection.collection, 'a1')).toBe(1);
      });

      it('the caller never reaches the store', async () => {
        const commit = jest.spyOn(store, 'commit');
        await runner.handle(history().events);
        // Neither in what the runner hands over (documents and columns) nor in what comes back.
        expect(JSON.stringify(commit.mock.calls)).not.toContain(CALLER_PHONE);
        const loaded = await store.load(alertsProjection.collection, ['a1', 'a2']);
        expect(JSON.stringify([...loaded.values()])).not.toContain(CALLER_PHONE);
        const [a1] = await store.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'a1' }] });
        expect(a1.hasCaller).toBe(true);
      });

      it('one event per batch gives the same documents as one batch', async () => {
        const { events } = history();
        for (const event of events) await runner.handle([event]);
        await expectStoreToHold(events);
        expect(await revOf(alertsProjection.collection, 'a1')).toBe(4); // received, dispatched-for, triaged, patrol-for
        expect(await runner.position()).toBe(events.length);
      });

      it('an empty batch changes nothing', async () => {
        await runner.handle(history().events.slice(0, 5));
        const before = await snapshot(store);
        await runner.handle([]);
        expect(await snapshot(store)).toEqual(before);
      });

      it('load returns the stored documents with their revisions, and nothing for absent keys', async () => {
        await runner.handle(history().events.slice(0, 4));
        const loaded = await store.load(alertsProjection.collection, ['a1', 'nope', 'a2']);
        expect([...loaded.keys()].sort()).toEqual(['a1', 'a2']);
        expect(loaded.get('a1')).toEqual({ key: 'a1', rev: 1, doc: expect.objectContaining({ alertId: 'a1', status: 'triaged' }) });
        expect(await store.load(alertsProjection.collection, [])).toEqual(new Map());
        expect(await store.appliedVersions('alerts', [])).toEqual(new Map());
        expect(await store.checkpoint('no-such-projection')).toBe(0);
      });

      it('documents come back as they went in: nested values, unicode, quotes, numbers, null', async () => {
        const doc = {
          alertId: 'a9',
          responses: [],
          text: `it's \\'; DROP TABLE rm_alerts; -- "quoted" $1 ✓ 𝄞`,
          nested: { list: [1, 2.5, -3, 1e21, null, true, false], empty: {}, none: null },
          big: Number.MAX_SAFE_INTEGER,
        };
        await store.commit({ writes: [alertWrite('a9', 0, doc)], checkpoints: [], streamVersions: [] });
        expect((await store.load(alertsProjection.collection, ['a9'])).get('a9')).toEqual({ key: 'a9', rev: 1, doc });
        expect(await store.find(alertsProjection.collection)).toEqual([doc]);
      });

      it('ensureCollections is idempotent, also from two stores at once', async () => {
        const other = second();
        const specs = [...ALL_PROJECTIONS.map((p) => p.collection), TYPED];
        await Promise.all([store.ensureCollections(specs), other.ensureCollections(specs), store.ensureCollections(specs)]);
        await new ProjectionRunner(other, ALL_PROJECTIONS).init();
        await store.commit({ writes: [typedWrite({ key: 'k', t: 'x', i: 1, r: 0.5 })], checkpoints: [], streamVersions: [] });
        expect(await other.find(TYPED)).toEqual([{ key: 'k', t: 'x', i: 1, r: 0.5 }]);
      });
    });

    describe('redelivery', () => {
      it('the same batch twice changes nothing: documents, revisions, counts, checkpoints', async () => {
        const { events } = history();
        await runner.handle(events);
        const once = await snapshot(store);
        const counts = await store.countBy(incidentsProjection.collection, ['status']);

        await runner.handle(events);

        expect(await snapshot(store)).toEqual(once);
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

      it('a redelivery through a second store changes nothing either', async () => {
        const { events } = history();
        await runner.handle(events);
        const once = await snapshot(store);
        await new ProjectionRunner(second(), ALL_PROJECTIONS).handle(events.slice(2, 9));
        expect(await snapshot(store)).toEqual(once);
      });
    });

    describe('a failing batch', () => {
      const incidentBoom = 'i2';

      /** Like the incidents projection, in its own collection, but cannot apply one event. */
      const throwing: Projection = {
        ...(incidentsProjection as Projection),
        name: 'fragile',
        collection: { ...incidentsProjection.collection, name: 'fragile' },
        evolve: (doc, event, key) => {
          if (event.type === 'IncidentCorrected' && key === incidentBoom) throw new Error('cannot apply');
          return incidentsProjection.evolve(doc as IncidentView | undefined, event, key);
        },
      };

      /**
       * Fails inside the commit, after the writes ahead of it were made: a document that cannot
       * be serialized (a BigInt), written after those of the healthy projections.
       */
      const unserializable: Projection = {
        ...throwing,
        name: 'unserializable',
        collection: { ...incidentsProjection.collection, name: 'unserializable' },
        evolve: (doc, event, key) => {
          const next = incidentsProjection.evolve(doc as IncidentView | undefined, event, key);
          return event.type === 'IncidentCorrected' && next ? { ...next, fatalities: BigInt(2) } : next;
        },
      };

      const withFirstBatchApplied = async (extra: readonly Projection[]) => {
        const { events } = history();
        const projections = [...ALL_PROJECTIONS, ...extra];
        const runnerWith = new ProjectionRunner(store, projections);
        await runnerWith.init();
        const cut = events.findIndex((e) => e.type === 'IncidentCorrected');
        await runnerWith.handle(events.slice(0, cut - 2));
        return { runnerWith, projections, events, cut, before: await snapshot(store, projections), position: await runnerWith.position() };
      };

      it('an evolve that throws leaves no write and no checkpoint move', async () => {
        const { runnerWith, projections, events, cut, before, position } = await withFirstBatchApplied([throwing]);
        expect(position).toBe(cut - 2);

        await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow('cannot apply');

        expect(await snapshot(store, projections)).toEqual(before);
        expect(await runnerWith.position()).toBe(position);
        for (const projection of ALL_PROJECTIONS) expect(await store.checkpoint(projection.name)).toBe(position);
      });

      it('a failure inside the commit rolls back the writes made before it', async () => {
        const { runnerWith, projections, events, cut, before, position } = await withFirstBatchApplied([unserializable]);
        const commit = jest.spyOn(store, 'commit');

        await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow(/BigInt/);

        // The commit did start, with writes of the healthy projections ahead of the bad one.
        expect(commit).toHaveBeenCalledTimes(1);
        const { writes } = commit.mock.calls[0][0] as ReadModelCommit;
        const badAt = writes.findIndex((w) => w.collection.name === 'unserializable');
        expect(badAt).toBeGreaterThan(0);
        expect(await snapshot(store, projections)).toEqual(before);
        expect(await runnerWith.position()).toBe(position);
      });

      it('after a failure, a good batch goes through', async () => {
        const { runnerWith, events, cut } = await withFirstBatchApplied([throwing]);
        await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow();
        await runner.handle(events.slice(cut - 2));
        await expectStoreToHold(events);
      });

      it('after a failure inside the commit, the store still takes commits', async () => {
        const { runnerWith, events, cut } = await withFirstBatchApplied([unserializable]);
        await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow(/BigInt/);
        await runner.handle(events.slice(cut - 2));
        await expectStoreToHold(events);
        await expectStoreToHold(events, second());
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
        expect(
          ids(await store.find<AlertView>(col, { where: [{ column: 'status', op: 'in', value: ['triaged', 'closed'] }], orderBy: [{ column: 'key' }] })),
        ).toEqual(['a1', 'a2']);
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
        expect(await store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], limit: 0 })).toEqual([]);
      });

      it('find with an offset and no limit skips that many', async () => {
        const col = incidentsProjection.collection;
        const found = await store.find<IncidentView>(col, { orderBy: [{ column: 'occurred_at' }], offset: 1 });
        expect(found.map((d) => d.incidentId)).toEqual(['i2', 'i3']);
      });

      it('find refuses a column the collection does not have', async () => {
        await expect(store.find(alertsProjection.collection, { where: [{ column: 'caller', op: 'not-null' }] })).rejects.toThrow(/unknown column/);
        await expect(store.find(alertsProjection.collection, { orderBy: [{ column: 'status; DROP TABLE rm_alerts' }] })).rejects.toThrow();
        await expect(store.countBy(alertsProjection.collection, ['status; DROP TABLE rm_alerts'])).rejects.toThrow();
        // Only the collection's own columns: not the stored document nor its revision.
        await expect(store.countBy(alertsProjection.collection, ['doc'])).rejects.toThrow(/unknown column/);
        await expect(store.find(alertsProjection.collection, { orderBy: [{ column: 'rev' }] })).rejects.toThrow(/unknown column/);
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
        expect(await store.countBy(col, ['status'], [{ column: 'status', op: '=', value: 'none' }])).toEqual([]);
      });

      it('countBy gives integer columns back as numbers', async () => {
        expect(await store.countBy(alertsProjection.collection, ['responded'])).toEqual([{ responded: 1, count: 2 }]);
        expect(await store.countBy(incidentsProjection.collection, ['time_precision', 'status'])).toEqual([
          { time_precision: 1, status: 'active', count: 2 },
          { time_precision: 1, status: 'retracted', count: 1 },
        ]);
      });
    });

    describe('column types, nulls and ordering', () => {
      const rows: TypedRow[] = [
        { key: 'k1', t: 'b', i: 10, r: 2.5 },
        { key: 'k2', t: 'a', i: 2, r: -1 },
        { key: 'k3', t: null, i: null, r: null },
        { key: 'k4', t: 'B', i: 2 ** 40, r: 1e-3 },
        { key: 'k5', t: 'a', i: 2, r: 0.25 },
      ];
      const keys = (docs: TypedRow[]) => docs.map((d) => d.key);

      beforeEach(async () => {
        await store.ensureCollections([TYPED]);
        await store.commit({ writes: rows.map(typedWrite), checkpoints: [], streamVersions: [] });
      });

      it('integer and real columns compare as numbers, not as text', async () => {
        expect(keys(await store.find<TypedRow>(TYPED, { where: [{ column: 'i', op: '>', value: 2 }], orderBy: [{ column: 'i' }] }))).toEqual(['k1', 'k4']);
        expect(keys(await store.find<TypedRow>(TYPED, { where: [{ column: 'i', op: 'in', value: [10, 2 ** 40] }], orderBy: [{ column: 'key' }] }))).toEqual([
          'k1',
          'k4',
        ]);
        expect(keys(await store.find<TypedRow>(TYPED, { where: [{ column: 'r', op: '<=', value: 0.25 }], orderBy: [{ column: 'r' }] }))).toEqual(['k2', 'k4', 'k5']);
      });

      it('text sorts by code point: upper case before lower case', async () => {
        expect(keys(await store.find<TypedRow>(TYPED, { where: [{ column: 't', op: 'not-null' }], orderBy: [{ column: 't' }, { column: 'key' }] }))).toEqual([
          'k4',
          'k2',
          'k5',
          'k1',
        ]);
      });

      it('NULL sorts before every value ascending and after every value descending', async () => {
        expect(keys(await store.find<TypedRow>(TYPED, { orderBy: [{ column: 'i' }, { column: 'key' }] }))).toEqual(['k3', 'k2', 'k5', 'k1', 'k4']);
        expect(keys(await store.find<TypedRow>(TYPED, { orderBy: [{ column: 'i', desc: true }, { column: 'key' }] }))).toEqual(['k4', 'k1', 'k2', 'k5', 'k3']);
        expect(keys(await store.find<TypedRow>(TYPED, { orderBy: [{ column: 'r', desc: true }], limit: 1 }))).toEqual(['k1']);
        expect(keys(await store.find<TypedRow>(TYPED, { orderBy: [{ column: 't', desc: true }, { column: 'key', desc: true }], limit: 2, offset: 3 }))).toEqual([
          'k4',
          'k3',
        ]);
      });

      it('countBy returns each column in its type, NULL as null and first', async () => {
        expect(await store.countBy(TYPED, ['i'])).toEqual([
          { i: null, count: 1 },
          { i: 2, count: 2 },
          { i: 10, count: 1 },
          { i: 2 ** 40, count: 1 },
        ]);
        expect(await store.countBy(TYPED, ['t', 'r'], [{ column: 'i', op: '<', value: 100 }])).toEqual([
          { t: 'a', r: -1, count: 1 },
          { t: 'a', r: 0.25, count: 1 },
          { t: 'b', r: 2.5, count: 1 },
        ]);
        for (const row of await store.countBy(TYPED, ['i', 'r'])) {
          for (const value of Object.values(row)) expect(['number', 'object']).toContain(typeof (value as ColumnValue));
        }
      });
    });

    describe('concurrent updates', () => {
      it('a write with a stale expectedRev raises ConcurrentDocUpdate and commits nothing of its batch', async () => {
        await runner.handle(history().events.slice(0, 2));
        expect(await revOf(alertsProjection.collection, 'a1')).toBe(1);
        const before = await snapshot(store);

        const commit = store.commit({
          writes: [alertWrite('a9', 0), alertWrite('a1', 0)],
          checkpoints: [{ projection: 'alerts', position: 99 }],
          streamVersions: [{ projection: 'alerts', streamId: 'alert-a9', version: 1 }],
        });

        await expect(commit).rejects.toBeInstanceOf(ConcurrentDocUpdate);
        await expect(commit).rejects.toThrow('alerts/a1');
        expect(await snapshot(store)).toEqual(before);
      });

      it('a write expecting a revision the document does not have yet is refused', async () => {
        await expect(store.commit({ writes: [alertWrite('a9', 3)], checkpoints: [], streamVersions: [] })).rejects.toBeInstanceOf(ConcurrentDocUpdate);
        expect(await store.find(alertsProjection.collection)).toEqual([]);
      });

      it('a write with the current revision goes through and bumps it', async () => {
        await store.commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
        await store.commit({ writes: [alertWrite('a9', 1)], checkpoints: [], streamVersions: [] });
        expect(await revOf(alertsProjection.collection, 'a9')).toBe(2);
      });

      it('a delete with the current revision removes the document; with a stale one it is refused', async () => {
        await store.commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
        await store.commit({ writes: [alertWrite('a9', 1)], checkpoints: [], streamVersions: [] });
        await expect(store.commit({ writes: [alertDelete('a9', 1)], checkpoints: [], streamVersions: [] })).rejects.toBeInstanceOf(ConcurrentDocUpdate);
        expect(await revOf(alertsProjection.collection, 'a9')).toBe(2);
        await store.commit({ writes: [alertDelete('a9', 2)], checkpoints: [], streamVersions: [] });
        expect(await store.load(alertsProjection.collection, ['a9'])).toEqual(new Map());
        // A document deleted and written again starts over.
        await store.commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
        expect(await revOf(alertsProjection.collection, 'a9')).toBe(1);
      });

      it('a delete of an absent document, expecting none, goes through', async () => {
        await store.commit({ writes: [alertDelete('a9', 0)], checkpoints: [{ projection: 'alerts', position: 7 }], streamVersions: [] });
        expect(await store.find(alertsProjection.collection)).toEqual([]);
        expect(await store.checkpoint('alerts')).toBe(7);
      });

      it('a delete expecting no document is refused when another projector has written one', async () => {
        // The deleting projector loaded the key while absent; another then created the document.
        await second().commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
        const commit = store.commit({
          writes: [alertWrite('a8', 0), alertDelete('a9', 0)],
          checkpoints: [{ projection: 'alerts', position: 5 }],
          streamVersions: [],
        });
        await expect(commit).rejects.toBeInstanceOf(ConcurrentDocUpdate);
        await expect(commit).rejects.toThrow('alerts/a9');
        expect(await store.load(alertsProjection.collection, ['a8', 'a9'])).toEqual(new Map([['a9', { key: 'a9', rev: 1, doc: { alertId: 'a9', responses: [] } }]]));
        expect(await store.checkpoint('alerts')).toBe(0);
      });

      it('the runner retries after another projector changed a document it loaded', async () => {
        const { events } = history();
        await runner.handle(events.slice(0, 3));
        const other = second();
        const [current] = [...(await other.load(alertsProjection.collection, ['a1'])).values()];
        const real = store.commit.bind(store);
        const commit = jest.spyOn(store, 'commit');
        commit.mockImplementationOnce(async (c) => {
          // Another store rewrites a1 between the runner's load and its commit.
          await other.commit({ writes: [alertWrite('a1', current.rev, current.doc)], checkpoints: [], streamVersions: [] });
          return real(c);
        });

        await runner.handle(events.slice(3, 4)); // AlertTriaged a1

        expect(commit).toHaveBeenCalledTimes(2);
        expect(await revOf(alertsProjection.collection, 'a1')).toBe(current.rev + 2);
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

    describe('two stores committing at once', () => {
      const ROUNDS = 8;

      /** Both commits started together; exactly one must win, the other lose with ConcurrentDocUpdate. */
      const race = async (mine: Promise<void>, theirs: Promise<void>) => {
        const [a, b] = await Promise.allSettled([mine, theirs]);
        const outcomes = [a, b].map((r) => (r.status === 'fulfilled' ? 'won' : r.reason instanceof ConcurrentDocUpdate ? 'conflict' : String(r.reason)));
        expect([...outcomes].sort()).toEqual(['conflict', 'won']);
        return outcomes[0] === 'won' ? 'mine' : 'theirs';
      };

      it.each([
        ['a new document (both expect none)', false],
        ['an existing document (both expect its revision)', true],
      ])('on %s: exactly one wins, the other gets ConcurrentDocUpdate and writes nothing of its batch', async (_, existing) => {
        const other = second();
        const col = alertsProjection.collection;
        for (let round = 1; round <= ROUNDS; round++) {
          const key = existing ? 'a1' : `n${round}`;
          if (existing && round === 1) await store.commit({ writes: [alertWrite('a1', 0)], checkpoints: [], streamVersions: [] });
          const rev = (await revOf(col, key)) ?? 0;
          const doc = (who: string) => ({ alertId: key, responses: [], by: `${who} ${round}` });
          const batch = (who: string, position: number): ReadModelCommit => ({
            // A document only this side writes, ahead of the contended one: the loser must roll it back.
            writes: [alertWrite(`${who}-${round}`, 0), alertWrite(key, rev, doc(who))],
            checkpoints: [{ projection: who, position }],
            streamVersions: [{ projection: 'alerts', streamId: `${who}-${round}`, version: round }],
          });

          const winner = await race(store.commit(batch('mine', round)), other.commit(batch('theirs', round)));

          const loser = winner === 'mine' ? 'theirs' : 'mine';
          expect(await other.load(col, [key])).toEqual(new Map([[key, { key, rev: rev + 1, doc: doc(winner) }]]));
          expect([...(await store.load(col, [`mine-${round}`, `theirs-${round}`])).keys()]).toEqual([`${winner}-${round}`]);
          expect(await store.appliedVersions('alerts', [`mine-${round}`, `theirs-${round}`])).toEqual(new Map([[`${winner}-${round}`, round]]));
          expect(await store.checkpoint(winner)).toBe(round);
          expect(await store.checkpoint(loser)).toBeLessThan(round);
        }
      });

      it('writing the same two documents in opposite orders: one wins, the other gets ConcurrentDocUpdate (no deadlock)', async () => {
        const other = second();
        const col = alertsProjection.collection;
        await store.commit({ writes: [alertWrite('a1', 0), alertWrite('a2', 0)], checkpoints: [], streamVersions: [] });
        for (let round = 1; round <= ROUNDS; round++) {
          const revs = await store.load(col, ['a1', 'a2']);
          const doc = (key: string, who: string) => ({ alertId: key, responses: [], by: `${who} ${round}` });
          const write = (key: string, who: string) => alertWrite(key, revs.get(key)!.rev, doc(key, who));
          const batch = (who: string, keys: string[]): ReadModelCommit => ({
            writes: keys.map((k) => write(k, who)),
            checkpoints: [],
            streamVersions: keys.map((k) => ({ projection: 'alerts', streamId: `alert-${k}`, version: round })),
          });

          const winner = await race(store.commit(batch('mine', ['a1', 'a2'])), other.commit(batch('theirs', ['a2', 'a1'])));

          const now = await other.load(col, ['a1', 'a2']);
          for (const key of ['a1', 'a2']) expect(now.get(key)).toEqual({ key, rev: revs.get(key)!.rev + 1, doc: doc(key, winner) });
        }
      });

      it('raising the same checkpoints and stream versions in different orders: both go through, the highest stays', async () => {
        const other = second();
        const projections = ['p1', 'p2', 'p3'];
        const streams = ['s1', 's2', 's3'];
        for (let round = 1; round <= ROUNDS; round++) {
          const batch = (order: string[], position: number): ReadModelCommit => ({
            writes: [],
            checkpoints: order.map((projection) => ({ projection, position })),
            streamVersions: order.flatMap((projection) => [...streams].reverse().map((streamId) => ({ projection, streamId, version: position }))),
          });
          await Promise.all([
            store.commit(batch(projections, 10 * round + 1)),
            other.commit(batch([...projections].reverse(), 10 * round + 2)),
          ]);
          for (const projection of projections) {
            expect(await store.checkpoint(projection)).toBe(10 * round + 2);
            expect(await store.appliedVersions(projection, streams)).toEqual(new Map(streams.map((s) => [s, 10 * round + 2])));
          }
        }
      });

      it('two runners applying events that touch the same document at once: the loser retries and both changes are applied', async () => {
        const { events } = history();
        await runner.handle(events.slice(0, 3)); // a1, a2 received; f1 dispatched for a1
        const triaged = events.find((e) => e.type === 'AlertTriaged')!; // a1
        const patrol = events.find((e) => e.type === 'PatrolDeployed')!; // a1 and a2
        const other = second();
        const otherRunner = new ProjectionRunner(other, ALL_PROJECTIONS);

        // Both runners load a1 before either commits: hold each first commit until both have come.
        const bothLoaded = barrier(2);
        const outcomes: string[] = [];
        for (const s of [store, other]) {
          const real = s.commit.bind(s);
          let first = true;
          jest.spyOn(s, 'commit').mockImplementation(async (c) => {
            if (first) {
              first = false;
              await bothLoaded();
            }
            try {
              await real(c);
              outcomes.push('ok');
            } catch (error) {
              outcomes.push(error instanceof ConcurrentDocUpdate ? 'conflict' : String(error));
              throw error;
            }
          });
        }

        await Promise.all([runner.handle([triaged]), otherRunner.handle([patrol])]);

        // One first commit won, the other lost; the loser's retry went through.
        expect([...outcomes].sort()).toEqual(['conflict', 'ok', 'ok']);
        expect(outcomes[outcomes.length - 1]).toBe('ok');
        const applied = [...events.slice(0, 3), triaged, patrol];
        await expectStoreToHold(applied);
        await expectStoreToHold(applied, other);
        const [a1] = await store.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'a1' }] });
        expect(a1).toMatchObject({ status: 'triaged', triage: { priority: 'flash' } });
        expect(a1.responses.map((r) => r.kind).sort()).toEqual(['flight', 'patrol']);
        expect(await revOf(alertsProjection.collection, 'a1')).toBe(3); // received+dispatched-for, then one write per runner
        expect(await store.appliedVersions('alerts', ['alert-a1', 'patrol-p1'])).toEqual(
          new Map([
            ['alert-a1', 2],
            ['patrol-p1', 1],
          ]),
        );
        expect(await runner.position()).toBe(patrol.position);
      });
    });
  });
};
