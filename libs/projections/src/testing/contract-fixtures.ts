import type { StoredEvent } from '@poc/domain';
import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { handlesEvent, type CollectionSpec, type Projection } from '../projection';
import type { ProjectionRunner } from '../projection-runner';
import type { DocWrite, ReadModelStore } from '../read-model-store.port';
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

/** What each part of the contract works on, set before each test: an empty store and a runner of every projection on it. */
export type ContractContext = {
  store: ReadModelStore;
  second: () => ReadModelStore;
  runner: ProjectionRunner;
};

export const T = (day: string, time = '06:00:00.000Z') => `2020-03-${day}T${time}`;

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
export const EXTRA_KEYS = ['a9'];
export const EXTRA_STREAMS = ['alert-a9'];

/**
 * Everything the port can see of the given projections: all documents (by `find`), the
 * revision of every key the history or the tests touch (by `load`), checkpoints and stream
 * versions. What a redelivery or a failed batch must leave as it was.
 */
export const snapshot = async (store: ReadModelStore, projections: readonly Projection[] = ALL_PROJECTIONS): Promise<Record<string, unknown>> => {
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
export const barrier = (parties: number): (() => Promise<void>) => {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return async () => {
    if (++arrived === parties) release();
    await all;
  };
};

export const alertWrite = (key: string, expectedRev: number, doc: unknown = { alertId: key, responses: [] }): DocWrite => ({
  collection: alertsProjection.collection,
  key,
  doc,
  columns: alertsProjection.columnsOf(doc as AlertView),
  expectedRev,
});

export const alertDelete = (key: string, expectedRev: number): DocWrite => ({
  collection: alertsProjection.collection,
  key,
  doc: undefined,
  columns: {},
  expectedRev,
});

/** A collection of every column type, for the tests of filters, ordering and counts. */
export const TYPED: CollectionSpec = {
  name: 'typed',
  columns: { t: 'text', i: 'integer', r: 'real' },
  indexes: [['i'], ['t', 'r']],
};
export type TypedRow = { key: string; t: string | null; i: number | null; r: number | null };
export const typedWrite = (row: TypedRow): DocWrite => ({
  collection: TYPED,
  key: row.key,
  doc: row,
  columns: { t: row.t, i: row.i, r: row.r },
  expectedRev: 0,
});

/** What the pure fold says the store must hold, per projection. */
export const expectStoreToHold = async (ctx: ContractContext, events: readonly StoredEvent[], on: ReadModelStore = ctx.store): Promise<void> => {
  const expected = foldInBatches(ALL_PROJECTIONS, events);
  for (const projection of ALL_PROJECTIONS) {
    const stored = await on.find(projection.collection, { orderBy: [{ column: 'key' }] });
    const docs = [...expected.get(projection.name)!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, doc]) => doc);
    expect({ [projection.name]: stored }).toEqual({ [projection.name]: docs });
  }
};

export const revOf = async (ctx: ContractContext, collection: CollectionSpec, key: string, on: ReadModelStore = ctx.store): Promise<number | undefined> =>
  (await on.load(collection, [key])).get(key)?.rev;
