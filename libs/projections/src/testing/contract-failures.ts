import { alertsProjection } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { ConcurrentDocUpdate, type ReadModelCommit } from '../read-model-store.port';
import { alertDelete, alertWrite, expectStoreToHold, history, revOf, snapshot, type ContractContext } from './contract-fixtures';

/** Batches that fail, in the projection or in the commit, and conflicting writes: nothing of them may stay. */
export const failuresContract = (ctx: ContractContext): void => {
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
      const runnerWith = new ProjectionRunner(ctx.store, projections);
      await runnerWith.init();
      const cut = events.findIndex((e) => e.type === 'IncidentCorrected');
      await runnerWith.handle(events.slice(0, cut - 2));
      return { runnerWith, projections, events, cut, before: await snapshot(ctx.store, projections), position: await runnerWith.position() };
    };

    it('an evolve that throws leaves no write and no checkpoint move', async () => {
      const { runnerWith, projections, events, cut, before, position } = await withFirstBatchApplied([throwing]);
      expect(position).toBe(cut - 2);

      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow('cannot apply');

      expect(await snapshot(ctx.store, projections)).toEqual(before);
      expect(await runnerWith.position()).toBe(position);
      for (const projection of ALL_PROJECTIONS) expect(await ctx.store.checkpoint(projection.name)).toBe(position);
    });

    it('a failure inside the commit rolls back the writes made before it', async () => {
      const { runnerWith, projections, events, cut, before, position } = await withFirstBatchApplied([unserializable]);
      const commit = jest.spyOn(ctx.store, 'commit');

      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow(/BigInt/);

      // The commit did start, with writes of the healthy projections ahead of the bad one.
      expect(commit).toHaveBeenCalledTimes(1);
      const { writes } = commit.mock.calls[0][0] as ReadModelCommit;
      const badAt = writes.findIndex((w) => w.collection.name === 'unserializable');
      expect(badAt).toBeGreaterThan(0);
      expect(await snapshot(ctx.store, projections)).toEqual(before);
      expect(await runnerWith.position()).toBe(position);
    });

    it('after a failure, a good batch goes through', async () => {
      const { runnerWith, events, cut } = await withFirstBatchApplied([throwing]);
      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow();
      await ctx.runner.handle(events.slice(cut - 2));
      await expectStoreToHold(ctx, events);
    });

    it('after a failure inside the commit, the ctx.store still takes commits', async () => {
      const { runnerWith, events, cut } = await withFirstBatchApplied([unserializable]);
      await expect(runnerWith.handle(events.slice(cut - 2))).rejects.toThrow(/BigInt/);
      await ctx.runner.handle(events.slice(cut - 2));
      await expectStoreToHold(ctx, events);
      await expectStoreToHold(ctx, events, ctx.second());
    });
  });

  describe('concurrent updates', () => {
    it('a write with a stale expectedRev raises ConcurrentDocUpdate and commits nothing of its batch', async () => {
      await ctx.runner.handle(history().events.slice(0, 2));
      expect(await revOf(ctx, alertsProjection.collection, 'a1')).toBe(1);
      const before = await snapshot(ctx.store);

      const commit = ctx.store.commit({
        writes: [alertWrite('a9', 0), alertWrite('a1', 0)],
        checkpoints: [{ projection: 'alerts', position: 99 }],
        streamVersions: [{ projection: 'alerts', streamId: 'alert-a9', version: 1 }],
      });

      await expect(commit).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      await expect(commit).rejects.toThrow('alerts/a1');
      expect(await snapshot(ctx.store)).toEqual(before);
    });

    it('a write expecting a revision the document does not have yet is refused', async () => {
      await expect(ctx.store.commit({ writes: [alertWrite('a9', 3)], checkpoints: [], streamVersions: [] })).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      expect(await ctx.store.find(alertsProjection.collection)).toEqual([]);
    });

    it('a write with the current revision goes through and bumps it', async () => {
      await ctx.store.commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
      await ctx.store.commit({ writes: [alertWrite('a9', 1)], checkpoints: [], streamVersions: [] });
      expect(await revOf(ctx, alertsProjection.collection, 'a9')).toBe(2);
    });

    it('a delete with the current revision removes the document; with a stale one it is refused', async () => {
      await ctx.store.commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
      await ctx.store.commit({ writes: [alertWrite('a9', 1)], checkpoints: [], streamVersions: [] });
      await expect(ctx.store.commit({ writes: [alertDelete('a9', 1)], checkpoints: [], streamVersions: [] })).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      expect(await revOf(ctx, alertsProjection.collection, 'a9')).toBe(2);
      await ctx.store.commit({ writes: [alertDelete('a9', 2)], checkpoints: [], streamVersions: [] });
      expect(await ctx.store.load(alertsProjection.collection, ['a9'])).toEqual(new Map());
      // A document deleted and written again starts over.
      await ctx.store.commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
      expect(await revOf(ctx, alertsProjection.collection, 'a9')).toBe(1);
    });

    it('a delete of an absent document, expecting none, goes through', async () => {
      await ctx.store.commit({ writes: [alertDelete('a9', 0)], checkpoints: [{ projection: 'alerts', position: 7 }], streamVersions: [] });
      expect(await ctx.store.find(alertsProjection.collection)).toEqual([]);
      expect(await ctx.store.checkpoint('alerts')).toBe(7);
    });

    it('a delete expecting no document is refused when another projector has written one', async () => {
      // The deleting projector loaded the key while absent; another then created the document.
      await ctx.second().commit({ writes: [alertWrite('a9', 0)], checkpoints: [], streamVersions: [] });
      const commit = ctx.store.commit({
        writes: [alertWrite('a8', 0), alertDelete('a9', 0)],
        checkpoints: [{ projection: 'alerts', position: 5 }],
        streamVersions: [],
      });
      await expect(commit).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      await expect(commit).rejects.toThrow('alerts/a9');
      expect(await ctx.store.load(alertsProjection.collection, ['a8', 'a9'])).toEqual(new Map([['a9', { key: 'a9', rev: 1, doc: { alertId: 'a9', responses: [] } }]]));
      expect(await ctx.store.checkpoint('alerts')).toBe(0);
    });

    it('the ctx.runner retries after another projector changed a document it loaded', async () => {
      const { events } = history();
      await ctx.runner.handle(events.slice(0, 3));
      const other = ctx.second();
      const [current] = [...(await other.load(alertsProjection.collection, ['a1'])).values()];
      const real = ctx.store.commit.bind(ctx.store);
      const commit = jest.spyOn(ctx.store, 'commit');
      commit.mockImplementationOnce(async (c) => {
        // Another store rewrites a1 between the runner's load and its commit.
        await other.commit({ writes: [alertWrite('a1', current.rev, current.doc)], checkpoints: [], streamVersions: [] });
        return real(c);
      });

      await ctx.runner.handle(events.slice(3, 4)); // AlertTriaged a1

      expect(commit).toHaveBeenCalledTimes(2);
      expect(await revOf(ctx, alertsProjection.collection, 'a1')).toBe(current.rev + 2);
      await expectStoreToHold(ctx, events.slice(0, 4));
    });

    it('the ctx.runner gives up after repeated conflicts', async () => {
      const commit = jest.spyOn(ctx.store, 'commit').mockRejectedValue(new ConcurrentDocUpdate('alerts', 'a1'));
      await expect(ctx.runner.handle(history().events.slice(0, 1))).rejects.toBeInstanceOf(ConcurrentDocUpdate);
      expect(commit).toHaveBeenCalledTimes(5);
    });

    it('the ctx.runner does not retry other errors', async () => {
      const commit = jest.spyOn(ctx.store, 'commit').mockRejectedValue(new Error('disk full'));
      await expect(ctx.runner.handle(history().events.slice(0, 1))).rejects.toThrow('disk full');
      expect(commit).toHaveBeenCalledTimes(1);
    });
  });
};
