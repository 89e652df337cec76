import { alertsProjection } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { PresenceFilter } from '../presence-filter';
import { ProjectionRunner } from '../projection-runner';
import { ConcurrentDocUpdate, shadowOf, supportsBlueGreen, type DocWrite, type ReadModelCommit, type ReadModelStore } from '../read-model-store.port';
import { alertDelete, alertWrite, expectStoreToHold, history, snapshot, type ContractContext } from './contract-fixtures';

/** More rows than any store writes one by one (the PostgreSQL store switches to COPY at 100). */
const MANY = 250;
const keyOf = (i: number) => `k${String(i).padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
const SHADOW = shadowOf(alertsProjection);

/** Everything of the alerts collection `on` holds, with revisions, and the versions of streams s0000…. */
const contents = async (store: ReadModelStore, collection = alertsProjection.collection, projection = 'alerts') => ({
  docs: await store.find(collection, { orderBy: [{ column: 'key' }] }),
  revs: Object.fromEntries([...(await store.load(collection, range(0, 2 * MANY).map(keyOf)))].map(([k, d]) => [k, d.rev])),
  versions: Object.fromEntries(await store.appliedVersions(projection, range(0, 2 * MANY).map((i) => `s${i}`))),
  checkpoint: await store.checkpoint(projection),
});

/** What the rebuild relies on: commits of thousands of rows, and a runner that skips reading what cannot exist. */
export const bulkContract = (ctx: ContractContext): void => {
  describe('many rows in one commit', () => {
    const doc = (key: string, n: number) => ({ alertId: key, responses: [], n });

    for (const [label, collection, projection] of [
      ['a live read model', alertsProjection.collection, 'alerts'],
      ['a shadow (one writer: the rebuild)', SHADOW.collection, SHADOW.name],
    ] as const) {
      describe(`in ${label}`, () => {
        const write = (key: string, expectedRev: number, n = 0): DocWrite => ({ ...alertWrite(key, expectedRev, doc(key, n)), collection });
        const remove = (key: string, expectedRev: number): DocWrite => ({ ...alertDelete(key, expectedRev), collection });
        const versions = (ids: number[], version: number, first?: boolean) =>
          ids.map((i) => ({ projection, streamId: `s${i}`, version, ...(first && { first }) }));

        beforeEach(() => ctx.store.ensureCollections([collection]));

        it('new, changed and deleted documents, with their stream versions and checkpoint, all land', async () => {
          await ctx.store.commit({ writes: range(0, MANY).map((i) => write(keyOf(i), 0)), streamVersions: versions(range(0, MANY), 1, true), checkpoints: [{ projection, position: 1 }] });
          // Keys given out of order: a store sorts them itself.
          const changed = range(0, 100).reverse().map((i) => write(keyOf(i), 1, 2));
          const deleted = range(100, 150).map((i) => remove(keyOf(i), 1));
          const added = range(MANY, 2 * MANY).map((i) => write(keyOf(i), 0, 3));
          await ctx.store.commit({
            writes: [...added, ...changed, ...deleted],
            streamVersions: [...versions(range(0, 150), 2), ...versions(range(MANY, 2 * MANY), 1, true)],
            checkpoints: [{ projection, position: 2 }],
          });

          const after = await contents(ctx.store, collection, projection);
          const alive = [...range(0, 100), ...range(150, 2 * MANY)];
          expect(after.docs).toEqual(alive.map((i) => doc(keyOf(i), i < 100 ? 2 : i >= MANY ? 3 : 0)));
          expect(after.revs).toEqual(Object.fromEntries(alive.map((i) => [keyOf(i), i < 100 ? 2 : 1])));
          expect(after.versions).toEqual(Object.fromEntries(range(0, 2 * MANY).map((i) => [`s${i}`, i < 150 ? 2 : 1])));
          expect(after.checkpoint).toBe(2);
        });

        it('one stale write among many refuses the whole commit, naming its document', async () => {
          await ctx.store.commit({ writes: range(0, MANY).map((i) => write(keyOf(i), 0)), streamVersions: versions(range(0, MANY), 1, true), checkpoints: [{ projection, position: 1 }] });
          const before = await contents(ctx.store, collection, projection);
          const attempts: ReadModelCommit[] = [
            // A new document that exists already, among many new ones.
            { writes: [...range(MANY, 2 * MANY).map((i) => write(keyOf(i), 0)), write(keyOf(7), 0)], streamVersions: [], checkpoints: [{ projection, position: 9 }] },
            // A change expecting a revision the document no longer has, among many good ones.
            { writes: [...range(0, 120).map((i) => write(keyOf(i), i === 42 ? 5 : 1)), ...range(MANY, 2 * MANY).map((i) => write(keyOf(i), 0))], streamVersions: [], checkpoints: [] },
            // A deletion expecting a document to be absent.
            { writes: [...range(MANY, 2 * MANY).map((i) => write(keyOf(i), 0)), remove(keyOf(3), 0)], streamVersions: versions(range(MANY, 2 * MANY), 1, true), checkpoints: [] },
          ];
          for (const [attempt, key] of attempts.map((a, i) => [a, keyOf([7, 42, 3][i]!)] as const)) {
            const commit = ctx.store.commit(attempt);
            await expect(commit).rejects.toBeInstanceOf(ConcurrentDocUpdate);
            await expect(commit).rejects.toThrow(`${collection.name}/${key}`);
            expect(await contents(ctx.store, collection, projection)).toEqual(before);
          }
        });

        it('a document that cannot be stored, among many, fails the whole commit and leaves the store usable', async () => {
          await ctx.store.commit({ writes: range(0, 10).map((i) => write(keyOf(i), 0)), streamVersions: [], checkpoints: [{ projection, position: 1 }] });
          const before = await contents(ctx.store, collection, projection);
          const bad = { ...write(keyOf(MANY + 7), 0), doc: { alertId: 'bad', responses: [], n: BigInt(1) } };
          const writes = range(MANY, 2 * MANY).map((i) => (i === MANY + 7 ? bad : write(keyOf(i), 0)));
          await expect(ctx.store.commit({ writes, streamVersions: versions(range(MANY, 2 * MANY), 1, true), checkpoints: [{ projection, position: 2 }] })).rejects.toThrow(/BigInt/);
          expect(await contents(ctx.store, collection, projection)).toEqual(before);
          await ctx.store.commit({ writes: writes.filter((w) => w !== bad), streamVersions: [], checkpoints: [{ projection, position: 2 }] });
          expect((await contents(ctx.store, collection, projection)).docs).toHaveLength(10 + MANY - 1);
        });

        it('a stream version marked first that is there after all is never lowered nor lost', async () => {
          await ctx.store.commit({ writes: [], streamVersions: versions(range(0, MANY), 5, true), checkpoints: [] });
          const commit = ctx.store.commit({ writes: [write(keyOf(0), 0)], streamVersions: versions(range(0, 2 * MANY), 3, true), checkpoints: [{ projection, position: 3 }] });
          const outcome = await commit.then(
            () => 'committed',
            (error: unknown) => (error instanceof ConcurrentDocUpdate ? 'refused' : String(error)),
          );
          const after = await contents(ctx.store, collection, projection);
          // Either the commit went through as an upsert (the highest version stays), or it was refused whole.
          if (outcome === 'committed') {
            expect(after.versions).toEqual(Object.fromEntries(range(0, 2 * MANY).map((i) => [`s${i}`, i < MANY ? 5 : 3])));
          } else {
            expect(outcome).toBe('refused');
            expect(after.versions).toEqual(Object.fromEntries(range(0, MANY).map((i) => [`s${i}`, 5])));
            expect(after.docs).toEqual([]);
          }
        });
      });
    }

    it('a commit naming a document twice applies its writes one after the other', async () => {
      await ctx.store.commit({ writes: [alertWrite('a9', 0, doc('a9', 1)), alertWrite('a9', 1, doc('a9', 2))], streamVersions: [], checkpoints: [] });
      expect(await ctx.store.load(alertsProjection.collection, ['a9'])).toEqual(new Map([['a9', { key: 'a9', rev: 2, doc: doc('a9', 2) }]]));
    });
  });

  describe('a runner that knows what the store may hold (a rebuild)', () => {
    it('gives the documents and stream versions a plain runner gives, in batches of any size, and looks up only what may exist', async () => {
      const { events } = history();
      const load = jest.spyOn(ctx.store, 'load');
      const applied = jest.spyOn(ctx.store, 'appliedVersions');
      const runner = new ProjectionRunner(ctx.store, ALL_PROJECTIONS, { presence: new PresenceFilter(events.length) });
      await runner.handle(events.slice(0, 3));
      // Nothing written yet, so nothing may exist: nothing is looked up.
      expect(load.mock.calls.length).toBeGreaterThan(0);
      for (const [, keys] of load.mock.calls) expect(keys).toEqual([]);
      for (const [, streams] of applied.mock.calls) expect(streams).toEqual([]);
      for (const [from, size] of [[3, 1], [4, 4], [8, 2], [10, 100]]) await runner.handle(events.slice(from, from + size));
      // Later batches touch documents written before: those are read.
      expect(load.mock.calls.some(([, keys]) => keys.length > 0)).toBe(true);
      await expectStoreToHold(ctx, events);

      const withFilter = await snapshot(ctx.store);
      // A redelivery through a plain runner finds every version the filtered runner wrote: nothing changes.
      await ctx.runner.handle(events);
      expect(await snapshot(ctx.store)).toEqual(withFilter);
    });

    it('resumes with a filter seeded from the keys and streams the store lists', async () => {
      if (!supportsBlueGreen(ctx.store)) return;
      const store = ctx.store;
      const { events } = history();
      await ctx.runner.handle(events.slice(0, 9));
      const presence = new PresenceFilter(events.length);
      for (const p of ALL_PROJECTIONS) {
        for (const key of await store.documentKeys(p.collection, '', 1000)) presence.addDocument(p.collection.name, key);
        for (const id of await store.appliedStreams(p.name, '', 1000)) presence.addStream(p.name, id);
      }
      const resumed = new ProjectionRunner(store, ALL_PROJECTIONS, { presence });
      await resumed.handle(events.slice(9));
      await expectStoreToHold(ctx, events);
      const once = await snapshot(store);
      await resumed.handle(events.slice(5));
      expect(await snapshot(store)).toEqual(once);
    });

    it('lists document keys and applied streams page by page, each once, in order', async () => {
      const store = ctx.store;
      if (!supportsBlueGreen(store)) return;
      expect(await store.documentKeys(alertsProjection.collection, '', 10)).toEqual([]);
      expect(await store.appliedStreams('alerts', '', 10)).toEqual([]);
      const keys = range(0, 25).map(keyOf);
      await store.commit({
        writes: [...keys].reverse().map((k) => alertWrite(k, 0)),
        streamVersions: keys.map((k) => ({ projection: 'alerts', streamId: `alert-${k}`, version: 1 })),
        checkpoints: [],
      });
      const pages = async (next: (after: string) => Promise<string[]>) => {
        const all: string[][] = [];
        for (let page = await next(''); page.length > 0; page = await next(page[page.length - 1]!)) all.push(page);
        return all;
      };
      expect(await pages((after) => store.documentKeys(alertsProjection.collection, after, 10))).toEqual([keys.slice(0, 10), keys.slice(10, 20), keys.slice(20)]);
      expect((await pages((after) => store.appliedStreams('alerts', after, 10))).flat()).toEqual(keys.map((k) => `alert-${k}`));
      expect(await store.appliedStreams('incidents', '', 10)).toEqual([]);
    });
  });
};
