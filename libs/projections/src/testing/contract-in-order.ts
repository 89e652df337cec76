import type { StoredEvent } from '@poc/domain';
import { alertsProjection } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { incidentsProjection, type IncidentView } from '../incidents/incidents.projection';
import { PresenceFilter } from '../presence-filter';
import type { Projection } from '../projection';
import { ProjectionRunner } from '../projection-runner';
import { alertWrite, expectStoreToHold, history, revOf, snapshot, type ContractContext } from './contract-fixtures';

/** The events cut into consecutive batches of the given sizes (the last takes the rest). */
const cut = (events: readonly StoredEvent[], sizes: readonly number[]): StoredEvent[][] => {
  const batches: StoredEvent[][] = [];
  for (let i = 0, at = 0; at < events.length; i++) {
    const size = sizes[i] ?? events.length;
    batches.push(events.slice(at, at + size));
    at += size;
  }
  return batches;
};

async function* pagesOf(batches: readonly (readonly StoredEvent[])[]): AsyncGenerator<readonly StoredEvent[]> {
  for (const batch of batches) yield batch;
}

/** `handleInOrder`, the rebuild's way: each batch folded while the one before commits. */
export const inOrderContract = (ctx: ContractContext): void => {
  describe('batches applied in order, each folded while the one before commits', () => {
    it.each([
      ['a plain runner', false],
      ['a runner that knows what the store may hold', true],
    ])('with %s: what one batch at a time gives, each batch reported once it is committed', async (_, withPresence) => {
      const { events } = history();
      const runner = new ProjectionRunner(ctx.store, ALL_PROJECTIONS, withPresence ? { presence: new PresenceFilter(events.length) } : {});
      const batches = cut(events, [2, 1, 3, 1, 4, 2]);
      const reported: number[] = [];
      const commit = jest.spyOn(ctx.store, 'commit');

      await runner.handleInOrder(pagesOf(batches), async (batch) => {
        const last = batch[batch.length - 1]!.position;
        reported.push(last);
        // Reported after its commit: the checkpoint is there already.
        expect(await runner.position()).toBe(last);
      });

      expect(reported).toEqual(batches.map((b) => b[b.length - 1]!.position));
      // Each batch committed once: what the one in flight writes was taken into account, not read stale.
      expect(commit).toHaveBeenCalledTimes(batches.length);
      await expectStoreToHold(ctx, events);
      const once = await snapshot(ctx.store);
      // One event per batch with a plain runner: the same, and a redelivery changes nothing.
      await ctx.runner.handle(events);
      expect(await snapshot(ctx.store)).toEqual(once);
    });

    it('a batch repeating events of the batch still committing takes effect for the new ones only', async () => {
      const { events } = history();
      const batches = [events.slice(0, 6), events.slice(3, 11), events.slice(9, 11), events.slice(8)];
      const commit = jest.spyOn(ctx.store, 'commit');
      await ctx.runner.handleInOrder(pagesOf(batches));
      expect(commit).toHaveBeenCalledTimes(batches.length);
      await expectStoreToHold(ctx, events);
      const [i2] = await ctx.store.find<IncidentView>(incidentsProjection.collection, { where: [{ column: 'key', op: '=', value: 'i2' }] });
      expect(i2?.corrections).toBe(1);
    });

    it('a commit refused as a conflict is applied again, and the batch after it folded afresh', async () => {
      const { events } = history();
      const batches = cut(events, [3, 1, 2]);
      const other = ctx.second();
      const real = ctx.store.commit.bind(ctx.store);
      let calls = 0;
      jest.spyOn(ctx.store, 'commit').mockImplementation(async (commit) => {
        // The second batch (AlertTriaged a1): another projector rewrites a1 just before it commits.
        if (++calls === 2) {
          const [current] = [...(await other.load(alertsProjection.collection, ['a1'])).values()];
          await other.commit({ writes: [alertWrite('a1', current!.rev, current!.doc)], checkpoints: [], streamVersions: [] });
        }
        return real(commit);
      });

      await ctx.runner.handleInOrder(pagesOf(batches));

      await expectStoreToHold(ctx, events);
      // received+dispatched-for, the other projector, triaged (again), patrol-for.
      expect(await revOf(ctx, alertsProjection.collection, 'a1')).toBe(4);
      expect(await ctx.runner.position()).toBe(events[events.length - 1]!.position);
    });

    it('a batch that cannot be folded stops it: the batches before it are committed, nothing of it is', async () => {
      const { events } = history();
      const fragile: Projection = {
        ...(incidentsProjection as Projection),
        name: 'fragile',
        collection: { ...incidentsProjection.collection, name: 'fragile' },
        evolve: (doc, event, key) => {
          if (event.type === 'IncidentCorrected') throw new Error('cannot apply');
          return incidentsProjection.evolve(doc as IncidentView | undefined, event, key);
        },
      };
      const runner = new ProjectionRunner(ctx.store, [...ALL_PROJECTIONS, fragile]);
      await runner.init();
      const batches = cut(events, [2, 2, 2, 2, 2, 2, 2, 2, 2]);
      const failing = batches.findIndex((b) => b.some((e) => e.type === 'IncidentCorrected'));

      await expect(runner.handleInOrder(pagesOf(batches))).rejects.toThrow('cannot apply');

      expect(await runner.position()).toBe(batches[failing - 1]!.at(-1)!.position);
      expect(failing).toBeGreaterThan(1);
      await expectStoreToHold(ctx, batches.slice(0, failing).flat());
    });

    it('a failure reporting a committed batch stops it, with nothing committed after that batch', async () => {
      const { events } = history();
      const batches = cut(events, [3, 3, 3, 3, 3]);
      const stopAt = batches[1]!.at(-1)!.position;
      const commit = jest.spyOn(ctx.store, 'commit');

      const run = ctx.runner.handleInOrder(pagesOf(batches), (batch) => {
        if (batch.at(-1)!.position === stopAt) throw new Error('killed');
      });

      await expect(run).rejects.toThrow('killed');
      expect(commit).toHaveBeenCalledTimes(2);
      expect(await ctx.runner.position()).toBe(stopAt);
      await expectStoreToHold(ctx, events.slice(0, 6));
    });
  });
};
