import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { flightsProjection, type FlightView } from '../flights/flights.projection';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import type { CollectionSpec } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { CALLER_PHONE, TYPED, alertWrite, expectStoreToHold, history, revOf, snapshot, typedWrite, type ContractContext } from './contract-fixtures';

/** Applying batches through the runner, and redeliveries that must change nothing. */
export const batchesContract = (ctx: ContractContext): void => {
  describe('applying batches', () => {
    it('applies a batch, writes its checkpoint and the stream versions', async () => {
      const { events } = history();
      const last = events[events.length - 1].position;
      expect(await ctx.runner.position()).toBe(0);

      await ctx.runner.handle(events);

      await expectStoreToHold(ctx, events);
      for (const projection of ALL_PROJECTIONS) expect(await ctx.store.checkpoint(projection.name)).toBe(last);
      expect(await ctx.runner.position()).toBe(last);
      const allStreams = [...new Set(events.map((e) => e.streamId))];
      expect(await ctx.store.appliedVersions('alerts', allStreams)).toEqual(
        new Map([
          ['alert-a1', 2],
          ['alert-a2', 2],
          ['flight-f1', 1],
          ['patrol-p1', 1],
        ]),
      );
      expect(await ctx.store.appliedVersions('incidents', ['incident-i2', 'incident-none'])).toEqual(new Map([['incident-i2', 2]]));
      // One write per touched document per batch.
      expect(await revOf(ctx, alertsProjection.collection, 'a1')).toBe(1);
    });

    it('the caller never reaches the store', async () => {
      const commit = jest.spyOn(ctx.store, 'commit');
      await ctx.runner.handle(history().events);
      // Neither in what the runner hands over (documents and columns) nor in what comes back.
      expect(JSON.stringify(commit.mock.calls)).not.toContain(CALLER_PHONE);
      const loaded = await ctx.store.load(alertsProjection.collection, ['a1', 'a2']);
      expect(JSON.stringify([...loaded.values()])).not.toContain(CALLER_PHONE);
      const [a1] = await ctx.store.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'a1' }] });
      expect(a1.hasCaller).toBe(true);
    });

    it('one event per batch gives the same documents as one batch', async () => {
      const { events } = history();
      for (const event of events) await ctx.runner.handle([event]);
      await expectStoreToHold(ctx, events);
      expect(await revOf(ctx, alertsProjection.collection, 'a1')).toBe(4); // received, dispatched-for, triaged, patrol-for
      expect(await ctx.runner.position()).toBe(events.length);
    });

    it('an empty batch changes nothing', async () => {
      await ctx.runner.handle(history().events.slice(0, 5));
      const before = await snapshot(ctx.store);
      await ctx.runner.handle([]);
      expect(await snapshot(ctx.store)).toEqual(before);
    });

    it('load returns the stored documents with their revisions, and nothing for absent keys', async () => {
      await ctx.runner.handle(history().events.slice(0, 4));
      const loaded = await ctx.store.load(alertsProjection.collection, ['a1', 'nope', 'a2']);
      expect([...loaded.keys()].sort()).toEqual(['a1', 'a2']);
      expect(loaded.get('a1')).toEqual({ key: 'a1', rev: 1, doc: expect.objectContaining({ alertId: 'a1', status: 'triaged' }) });
      expect(await ctx.store.load(alertsProjection.collection, [])).toEqual(new Map());
      expect(await ctx.store.appliedVersions('alerts', [])).toEqual(new Map());
      expect(await ctx.store.checkpoint('no-such-projection')).toBe(0);
    });

    it('documents come back as they went in: nested values, unicode, quotes, numbers, null', async () => {
      const doc = {
        alertId: 'a9',
        responses: [],
        text: `it's \\'; DROP TABLE rm_alerts; -- "quoted" $1 ✓ 𝄞`,
        nested: { list: [1, 2.5, -3, 1e21, null, true, false], empty: {}, none: null },
        big: Number.MAX_SAFE_INTEGER,
      };
      await ctx.store.commit({ writes: [alertWrite('a9', 0, doc)], checkpoints: [], streamVersions: [] });
      expect((await ctx.store.load(alertsProjection.collection, ['a9'])).get('a9')).toEqual({ key: 'a9', rev: 1, doc });
      expect(await ctx.store.find(alertsProjection.collection)).toEqual([doc]);
    });

    it('ensureCollections is idempotent, also from two stores at once', async () => {
      const other = ctx.second();
      const specs = [...ALL_PROJECTIONS.map((p) => p.collection), TYPED];
      await Promise.all([ctx.store.ensureCollections(specs), other.ensureCollections(specs), ctx.store.ensureCollections(specs)]);
      await new ProjectionRunner(other, ALL_PROJECTIONS).init();
      await ctx.store.commit({ writes: [typedWrite({ key: 'k', t: 'x', i: 1, r: 0.5 })], checkpoints: [], streamVersions: [] });
      expect(await other.find(TYPED)).toEqual([{ key: 'k', t: 'x', i: 1, r: 0.5 }]);
    });

    it('a column added by a later version of a projection is added to the table the older one built (NULL until rebuilt), with its index', async () => {
      const older: CollectionSpec = { ...TYPED, name: 'grown', indexes: [['i']] };
      const newer: CollectionSpec = { ...older, columns: { ...older.columns, g: 'text' }, indexes: [['i'], ['g', 'i']] };
      await ctx.store.ensureCollections([older]);
      await ctx.store.commit({ writes: [{ ...typedWrite({ key: 'old', t: 'x', i: 1, r: 0.5 }), collection: older }], checkpoints: [], streamVersions: [] });
      await ctx.store.ensureCollections([newer]);
      await ctx.store.ensureCollections([newer]);
      await ctx.store.commit({ writes: [{ collection: newer, key: 'new', doc: { key: 'new' }, columns: { t: 'y', i: 2, r: null, g: 'G' }, expectedRev: 0 }], checkpoints: [], streamVersions: [] });
      expect(await ctx.store.find(newer, { where: [{ column: 'g', op: '=', value: 'G' }] })).toEqual([{ key: 'new' }]);
      expect(await ctx.store.find(newer, { where: [{ column: 'g', op: 'is-null' }] })).toEqual([{ key: 'old', t: 'x', i: 1, r: 0.5 }]);
    });
  });

  describe('redelivery', () => {
    it('the same batch twice changes nothing: documents, revisions, counts, checkpoints', async () => {
      const { events } = history();
      await ctx.runner.handle(events);
      const once = await snapshot(ctx.store);
      const counts = await ctx.store.countBy(incidentsProjection.collection, ['status']);

      await ctx.runner.handle(events);

      expect(await snapshot(ctx.store)).toEqual(once);
      expect(await ctx.store.countBy(incidentsProjection.collection, ['status'])).toEqual(counts);
    });

    it('a batch overlapping what was applied takes effect for the new events only', async () => {
      const { events } = history();
      await ctx.runner.handle(events.slice(0, 11));
      await ctx.runner.handle(events.slice(3)); // events 4..11 again, then new ones

      await expectStoreToHold(ctx, events);
      const [f1] = await ctx.store.find<FlightView>(flightsProjection.collection);
      expect(f1.passes).toHaveLength(1);
      const [i2] = await ctx.store.find<IncidentView>(incidentsProjection.collection, { where: [{ column: 'key', op: '=', value: 'i2' }] });
      expect(i2.corrections).toBe(1);
    });

    it('an event repeated inside one batch takes effect once', async () => {
      // Start after the flight's dispatch: a repeated pass or correction is not absorbed by a re-creation.
      const { events } = history();
      const cut = events.findIndex((e) => e.type === 'DeterrentPassFlown');
      await ctx.runner.handle(events.slice(0, cut));
      const rest = events.slice(cut);
      await ctx.runner.handle([...rest, ...rest]);

      await expectStoreToHold(ctx, events);
      const [f1] = await ctx.store.find<FlightView>(flightsProjection.collection);
      expect(f1.passes).toHaveLength(1);
    });

    it('a redelivered old batch does not move a checkpoint back', async () => {
      const { events } = history();
      await ctx.runner.handle(events);
      await ctx.runner.handle(events.slice(0, 3));
      expect(await ctx.runner.position()).toBe(events.length);
    });

    it('a redelivery through a second ctx.store changes nothing either', async () => {
      const { events } = history();
      await ctx.runner.handle(events);
      const once = await snapshot(ctx.store);
      await new ProjectionRunner(ctx.second(), ALL_PROJECTIONS).handle(events.slice(2, 9));
      expect(await snapshot(ctx.store)).toEqual(once);
    });
  });
};
