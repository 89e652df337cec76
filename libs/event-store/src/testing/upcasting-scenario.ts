import {
  alertDecider,
  DomainError,
  toLocation,
  UnsupportedSchemaVersion,
  type AlertCommand,
  type AlertReceivedV1Data,
  type StoredEvent,
} from '@poc/domain';
import type { EventStore } from '../event-store.port';
import { followAll } from '../follow';
import { handleCommand } from '../handle-command';
import { upcasting } from '../upcasting-event-store';
import { anEvent, metadata, rejectionOf, waitFor } from './contract-fixtures';

/** A row of `events` as read with SQL, bypassing every adapter: what is really on disk. */
export type RawRow = Readonly<{ schema_version: number; data: unknown }>;

export type RawStoreFactory = () => Promise<{
  /** The adapter itself, with no upcasting. */
  raw: EventStore;
  /** The stream's rows, oldest first, straight from the database (data parsed from JSON). */
  rawRows: (streamId: string) => Promise<readonly RawRow[]>;
  teardown: () => Promise<void>;
}>;

/** An alert as schema v1 stored it, before intake grading (the worked example of docs/schema-evolution.md). */
export const V1_ALERT: AlertReceivedV1Data = {
  alertId: 'a1',
  channel: 'hotline',
  receivedAt: '2020-03-05T09:30:00.000Z',
  location: toLocation({ lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' }),
  threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00.000Z' },
  description: 'armed men on motorbikes east of the village',
};
// V1_ALERT has no caller, so reading it at v3 only adds the grading.
/** V1_ALERT's fields as a command takes them (a command's caller is sealed; this one has none). */
const V1_FIELDS: Omit<AlertReceivedV1Data, 'caller'> = V1_ALERT;
const CURRENT_ALERT = { ...V1_ALERT, intakeGrading: { reliability: 'F', credibility: 6 } };

const receivedV1 = (data: AlertReceivedV1Data = V1_ALERT) =>
  anEvent('AlertReceived', data, { occurredAt: data.receivedAt, schemaVersion: 1 });
const triagedV1 = anEvent('AlertTriaged', { alertId: 'a1', priority: 'flash', triagedAt: '2020-03-05T09:40:00.000Z' }, { schemaVersion: 1 });

const now = '2020-03-05T10:00:00.000Z';
const decide = (store: EventStore, streamId: string, command: AlertCommand) =>
  handleCommand(store, alertDecider, streamId, command, { metadata: metadata() });

/** The envelope must come through untouched: only `schemaVersion` and `data` change. */
const expectUpcastOf = (read: StoredEvent, stored: StoredEvent, data: unknown) =>
  expect(read).toEqual({ ...stored, schemaVersion: 3, data });

/**
 * Events stored as schema v1 by the raw adapter, read through `upcasting(raw)` at the current version on
 * every read path; the rows themselves never change. Run by each adapter's int spec.
 */
export const upcastingScenario = (name: string, factory: RawStoreFactory): void => {
  describe(`upcasting: ${name}`, () => {
    let made: Awaited<ReturnType<RawStoreFactory>>;
    let store: EventStore;
    beforeEach(async () => {
      made = await factory();
      store = upcasting(made.raw);
    });
    afterEach(() => made.teardown());

    it('reads a stored v1 AlertReceived as v2 on readStream, readAll and followAll; the row stays v1', async () => {
      const stored = [
        ...(await made.raw.append('alert-a1', [receivedV1()], { expectedVersion: 'no-stream' })).events,
        ...(await made.raw.append('alert-a1', [triagedV1], { expectedVersion: 1 })).events,
      ];
      expect(stored.map((e) => e.schemaVersion)).toEqual([1, 1]);

      const stream = await store.readStream('alert-a1');
      expectUpcastOf(stream[0]!, stored[0]!, CURRENT_ALERT);
      expect(stream[1]).toEqual(stored[1]); // AlertTriaged never changed: still v1, as stored
      expect(await store.readAll()).toEqual(stream);
      expect(await store.readAll({ fromPosition: 0, limit: 1 })).toEqual([stream[0]]);

      const followed: StoredEvent[] = [];
      const subscription = followAll(store, 0, (batch) => void followed.push(...batch));
      try {
        await waitFor(() => followed.length === 2);
      } finally {
        await subscription.stop();
      }
      expect(followed).toEqual(stream);

      // Nothing was written back: the adapter and the table still hold v1.
      expect(await made.raw.readStream('alert-a1')).toEqual(stored);
      expect(await made.rawRows('alert-a1')).toEqual([
        { schema_version: 1, data: V1_ALERT },
        { schema_version: 1, data: triagedV1.data },
      ]);
    });

    it('replays an idempotent append stored as v1 with its events as v2; the row stays v1', async () => {
      const idempotency = { key: 'key-1', requestHash: 'hash-1' };
      const first = await made.raw.append('alert-a1', [receivedV1()], { expectedVersion: 'no-stream', idempotency });
      const again = await store.append('alert-a1', [receivedV1()], { expectedVersion: 'no-stream', idempotency });
      expect(again).toMatchObject({ replayed: true, nextVersion: first.nextVersion, lastPosition: first.lastPosition });
      expect(again.events).toHaveLength(1);
      expectUpcastOf(again.events[0]!, first.events[0]!, CURRENT_ALERT);
      expect(await made.raw.append('alert-a1', [receivedV1()], { idempotency })).toEqual({ ...first, replayed: true });
      expect(await made.rawRows('alert-a1')).toEqual([{ schema_version: 1, data: V1_ALERT }]);
    });

    it('lets deciders fold a v1 history, and records what they decide at the current version', async () => {
      await made.raw.append('alert-a1', [receivedV1()]);
      // The decider folds the v2 shape: the alert exists, so it can be triaged but not received again.
      const receiveAgain = { type: 'ReceiveAlert', context: { now }, data: { ...V1_FIELDS, location: { lat: 14.15, lon: -3.62 } } } as const;
      const refusal = await rejectionOf(decide(store, 'alert-a1', receiveAgain));
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({ kind: 'conflict' });
      const triaged = await decide(store, 'alert-a1', { type: 'TriageAlert', context: { now }, data: { alertId: 'a1', priority: 'immediate' } });
      expect(triaged.events).toMatchObject([{ type: 'AlertTriaged', schemaVersion: 1, streamVersion: 2 }]);

      const graded = await decide(store, 'alert-a2', {
        type: 'ReceiveAlert',
        context: { now },
        data: { ...V1_FIELDS, alertId: 'a2', location: { lat: 14.15, lon: -3.62 }, reliability: 'B', credibility: 2 },
      });
      expect(graded.events).toMatchObject([{ type: 'AlertReceived', schemaVersion: 3, data: { intakeGrading: { reliability: 'B', credibility: 2 } } }]);
      expect(await made.rawRows('alert-a2')).toEqual([{ schema_version: 3, data: graded.events[0]!.data }]);
      expect(await made.rawRows('alert-a1')).toEqual([
        { schema_version: 1, data: V1_ALERT },
        { schema_version: 1, data: triaged.events[0]!.data },
      ]);
    });

    it('records the current version when none is given, and refuses to store a version it could not read back', async () => {
      const written = await store.append('alert-a3', [anEvent('AlertReceived', { ...CURRENT_ALERT, alertId: 'a3' }), anEvent('Unversioned')]);
      expect(written.events.map((e) => e.schemaVersion)).toEqual([3, 1]);
      expect((await made.rawRows('alert-a3')).map((r) => r.schema_version)).toEqual([3, 1]);

      const last = await store.lastPosition();
      const tooNew = anEvent('AlertReceived', { ...CURRENT_ALERT, alertId: 'a4' }, { schemaVersion: 4 });
      expect(await rejectionOf(store.append('alert-a4', [tooNew]))).toBeInstanceOf(UnsupportedSchemaVersion);
      expect(await store.lastPosition()).toBe(last);

      // Written by newer code straight into the table: read as an error, never as a wrong shape.
      await made.raw.append('alert-a4', [tooNew]);
      expect(await rejectionOf(store.readStream('alert-a4'))).toBeInstanceOf(UnsupportedSchemaVersion);
    });
  });
};
