import { alertsProjection, type AlertView } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionRunner } from '../projection-runner';
import { ConcurrentDocUpdate, type ReadModelCommit } from '../read-model-store.port';
import { alertWrite, barrier, expectStoreToHold, history, revOf, type ContractContext } from './contract-fixtures';

/** Two stores (two projector instances) committing at once: one wins, none deadlocks, nothing is lost. */
export const concurrencyContract = (ctx: ContractContext): void => {
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
      const other = ctx.second();
      const col = alertsProjection.collection;
      for (let round = 1; round <= ROUNDS; round++) {
        const key = existing ? 'a1' : `n${round}`;
        if (existing && round === 1) await ctx.store.commit({ writes: [alertWrite('a1', 0)], checkpoints: [], streamVersions: [] });
        const rev = (await revOf(ctx, col, key)) ?? 0;
        const doc = (who: string) => ({ alertId: key, responses: [], by: `${who} ${round}` });
        const batch = (who: string, position: number): ReadModelCommit => ({
          // A document only this side writes, ahead of the contended one: the loser must roll it back.
          writes: [alertWrite(`${who}-${round}`, 0), alertWrite(key, rev, doc(who))],
          checkpoints: [{ projection: who, position }],
          streamVersions: [{ projection: 'alerts', streamId: `${who}-${round}`, version: round }],
        });

        const winner = await race(ctx.store.commit(batch('mine', round)), other.commit(batch('theirs', round)));

        const loser = winner === 'mine' ? 'theirs' : 'mine';
        expect(await other.load(col, [key])).toEqual(new Map([[key, { key, rev: rev + 1, doc: doc(winner) }]]));
        expect([...(await ctx.store.load(col, [`mine-${round}`, `theirs-${round}`])).keys()]).toEqual([`${winner}-${round}`]);
        expect(await ctx.store.appliedVersions('alerts', [`mine-${round}`, `theirs-${round}`])).toEqual(new Map([[`${winner}-${round}`, round]]));
        expect(await ctx.store.checkpoint(winner)).toBe(round);
        expect(await ctx.store.checkpoint(loser)).toBeLessThan(round);
      }
    });

    it('writing the same two documents in opposite orders: one wins, the other gets ConcurrentDocUpdate (no deadlock)', async () => {
      const other = ctx.second();
      const col = alertsProjection.collection;
      await ctx.store.commit({ writes: [alertWrite('a1', 0), alertWrite('a2', 0)], checkpoints: [], streamVersions: [] });
      for (let round = 1; round <= ROUNDS; round++) {
        const revs = await ctx.store.load(col, ['a1', 'a2']);
        const doc = (key: string, who: string) => ({ alertId: key, responses: [], by: `${who} ${round}` });
        const write = (key: string, who: string) => alertWrite(key, revs.get(key)!.rev, doc(key, who));
        const batch = (who: string, keys: string[]): ReadModelCommit => ({
          writes: keys.map((k) => write(k, who)),
          checkpoints: [],
          streamVersions: keys.map((k) => ({ projection: 'alerts', streamId: `alert-${k}`, version: round })),
        });

        const winner = await race(ctx.store.commit(batch('mine', ['a1', 'a2'])), other.commit(batch('theirs', ['a2', 'a1'])));

        const now = await other.load(col, ['a1', 'a2']);
        for (const key of ['a1', 'a2']) expect(now.get(key)).toEqual({ key, rev: revs.get(key)!.rev + 1, doc: doc(key, winner) });
      }
    });

    it('raising the same checkpoints and stream versions in different orders: both go through, the highest stays', async () => {
      const other = ctx.second();
      const projections = ['p1', 'p2', 'p3'];
      const streams = ['s1', 's2', 's3'];
      for (let round = 1; round <= ROUNDS; round++) {
        const batch = (order: string[], position: number): ReadModelCommit => ({
          writes: [],
          checkpoints: order.map((projection) => ({ projection, position })),
          streamVersions: order.flatMap((projection) => [...streams].reverse().map((streamId) => ({ projection, streamId, version: position }))),
        });
        await Promise.all([
          ctx.store.commit(batch(projections, 10 * round + 1)),
          other.commit(batch([...projections].reverse(), 10 * round + 2)),
        ]);
        for (const projection of projections) {
          expect(await ctx.store.checkpoint(projection)).toBe(10 * round + 2);
          expect(await ctx.store.appliedVersions(projection, streams)).toEqual(new Map(streams.map((s) => [s, 10 * round + 2])));
        }
      }
    });

    it('two runners applying events that touch the same document at once: the loser retries and both changes are applied', async () => {
      const { events } = history();
      await ctx.runner.handle(events.slice(0, 3)); // a1, a2 received; f1 dispatched for a1
      const triaged = events.find((e) => e.type === 'AlertTriaged')!; // a1
      const patrol = events.find((e) => e.type === 'PatrolDeployed')!; // a1 and a2
      const other = ctx.second();
      const otherRunner = new ProjectionRunner(other, ALL_PROJECTIONS);

      // Both runners load a1 before either commits: hold each first commit until both have come.
      const bothLoaded = barrier(2);
      const outcomes: string[] = [];
      for (const s of [ctx.store, other]) {
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

      await Promise.all([ctx.runner.handle([triaged]), otherRunner.handle([patrol])]);

      // One first commit won, the other lost; the loser's retry went through.
      expect([...outcomes].sort()).toEqual(['conflict', 'ok', 'ok']);
      expect(outcomes[outcomes.length - 1]).toBe('ok');
      const applied = [...events.slice(0, 3), triaged, patrol];
      await expectStoreToHold(ctx, applied);
      await expectStoreToHold(ctx, applied, other);
      const [a1] = await ctx.store.find<AlertView>(alertsProjection.collection, { where: [{ column: 'key', op: '=', value: 'a1' }] });
      expect(a1).toMatchObject({ status: 'triaged', triage: { priority: 'flash' } });
      expect(a1.responses.map((r) => r.kind).sort()).toEqual(['flight', 'patrol']);
      expect(await revOf(ctx, alertsProjection.collection, 'a1')).toBe(3); // received+dispatched-for, then one write per ctx.runner
      expect(await ctx.store.appliedVersions('alerts', ['alert-a1', 'patrol-p1'])).toEqual(
        new Map([
          ['alert-a1', 2],
          ['patrol-p1', 1],
        ]),
      );
      expect(await ctx.runner.position()).toBe(patrol.position);
    });
  });
};
