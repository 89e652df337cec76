import { IdempotencyKeyReused, WrongExpectedVersion, type AppendResult } from '../event-store.port';
import { anEvent, isStrictlyIncreasing, positionsOf, someEvents, type ContractContext } from './contract-fixtures';

/** Settles every promise: a result, or the error it rejected with. */
const outcomes = (appends: Promise<AppendResult>[]): Promise<(AppendResult | Error)[]> =>
  Promise.all(appends.map((a) => a.then((r): AppendResult | Error => r, (e: Error) => e)));

const results = (settled: (AppendResult | Error)[]): AppendResult[] => settled.filter((o): o is AppendResult => !(o instanceof Error));

/**
 * Many appends in flight at once, as a busy command API makes them. An adapter may commit
 * them together (group commit); each must still behave exactly as if it had run alone.
 */
export const groupContract = (ctx: ContractContext): void => {
  it('commits many concurrent appends to distinct streams, each with its own consecutive positions', async () => {
    const appends = Array.from({ length: 64 }, (_, i) =>
      ctx.store.append(`stream-${i}`, someEvents(1 + (i % 3), i * 10), { expectedVersion: 'no-stream' }),
    );
    const written = await Promise.all(appends);
    const all = await ctx.store.readAll({ limit: 10_000 });
    const total = written.reduce((n, r) => n + r.events.length, 0);
    expect(all).toHaveLength(total);
    expect(positionsOf(all)).toEqual(all.map((_, i) => i + 1)); // a fresh store: 1..N, no gap, no duplicate
    for (const [i, result] of written.entries()) {
      const positions = positionsOf(result.events);
      expect(positions).toEqual(positions.map((_, k) => positions[0]! + k)); // consecutive within the append
      expect(result).toMatchObject({ streamId: `stream-${i}`, nextVersion: 1 + (i % 3), lastPosition: positions[positions.length - 1] });
      expect(await ctx.store.readStream(`stream-${i}`)).toEqual(result.events);
    }
    expect(await ctx.store.lastPosition()).toBe(total);
  });

  it('numbers concurrent appends to one stream 1..n with no version taken twice', async () => {
    const written = await Promise.all(Array.from({ length: 20 }, (_, i) => ctx.store.append('alert-1', someEvents(2, i * 2 + 1))));
    const stream = await ctx.store.readStream('alert-1');
    expect(stream.map((e) => e.streamVersion)).toEqual(stream.map((_, i) => i + 1));
    expect(isStrictlyIncreasing(positionsOf(stream))).toBe(true);
    expect(written.map((r) => r.nextVersion).sort((a, b) => a - b)).toEqual(written.map((_, i) => (i + 1) * 2));
  });

  it('lets exactly one of many concurrent appends with the same expected version win, the other streams unaffected', async () => {
    const existing = (await ctx.store.append('contested', someEvents(2))).events;
    const contenders: Promise<AppendResult>[] = [];
    const bystanders: Promise<AppendResult>[] = [];
    for (let i = 0; i < 10; i++) {
      contenders.push(ctx.store.append('contested', someEvents(1, 100 + i), { expectedVersion: 2 }));
      bystanders.push(ctx.store.append(`bystander-${i}`, someEvents(1), { expectedVersion: 'no-stream' }));
    }
    const [contested, others] = await Promise.all([outcomes(contenders), outcomes(bystanders)]);
    const winners = results(contested);
    expect(winners).toHaveLength(1);
    for (const loser of contested.filter((o) => o instanceof Error)) {
      expect(loser).toBeInstanceOf(WrongExpectedVersion);
      expect(loser).toMatchObject({ streamId: 'contested', expected: 2, actual: 3 });
    }
    expect(results(others)).toHaveLength(10);
    expect(await ctx.store.readStream('contested')).toEqual([...existing, ...winners[0]!.events]);
  });

  it('fails only the bad appends among concurrent ones, storing nothing of them', async () => {
    await ctx.store.append('existing', someEvents(1), { idempotency: { key: 'used', requestHash: 'h-1' } });
    const before = await ctx.store.lastPosition();
    const good = (i: number) => ctx.store.append(`good-${i}`, someEvents(2, i * 10), { expectedVersion: 'no-stream' });
    const settled = await outcomes([
      good(1),
      ctx.store.append('existing', someEvents(1), { expectedVersion: 'no-stream' }), // wrong version
      good(2),
      ctx.store.append('bad-key', someEvents(1), { idempotency: { key: 'used', requestHash: 'h-2' } }), // key reused
      good(3),
      ctx.store.append('bad-data', [anEvent('A'), anEvent('B', { n: BigInt(1) })]), // not serialisable
      good(4),
      ctx.store.append('bad-version', someEvents(1), { expectedVersion: -1 }), // not a version
      good(5),
    ]);
    expect(settled[1]).toBeInstanceOf(WrongExpectedVersion);
    expect(settled[3]).toBeInstanceOf(IdempotencyKeyReused);
    expect(settled[5]).toBeInstanceOf(TypeError);
    expect(settled[7]).toBeInstanceOf(RangeError);
    const stored = [0, 2, 4, 6, 8].map((i) => settled[i]);
    stored.forEach((o) => expect(o).not.toBeInstanceOf(Error));
    expect(await ctx.store.lastPosition()).toBe(before + 10);
    for (const stream of ['bad-key', 'bad-data', 'bad-version']) expect(await ctx.store.readStream(stream)).toEqual([]);
    expect(await ctx.store.readStream('existing')).toHaveLength(1);
  });

  it('stores an idempotent request sent twice at once only once', async () => {
    const claim = { key: 'key-1', requestHash: 'hash-1' };
    const [first, second] = await Promise.all([
      ctx.store.append('alert-1', someEvents(2), { expectedVersion: 'no-stream', idempotency: claim }),
      ctx.store.append('alert-1', someEvents(2), { expectedVersion: 'no-stream', idempotency: claim }),
    ]);
    expect([first!.replayed, second!.replayed].sort()).toEqual([false, true]);
    expect({ ...first, replayed: false }).toEqual({ ...second, replayed: false });
    expect(await ctx.store.readStream('alert-1')).toEqual(first!.events);
  });

  it('lets one of two concurrent requests with the same key and different hashes store, and refuses the other', async () => {
    const settled = await outcomes(
      ['hash-1', 'hash-2'].map((requestHash, i) => ctx.store.append('alert-1', someEvents(1, i + 1), { idempotency: { key: 'k', requestHash } })),
    );
    const [winner, ...others] = results(settled);
    expect(others).toEqual([]);
    expect(settled.filter((o) => o instanceof Error)).toEqual([expect.any(IdempotencyKeyReused)]);
    expect(await ctx.store.readStream('alert-1')).toEqual(winner!.events);
    expect(await ctx.store.findIdempotent('k')).toMatchObject({ requestHash: `hash-${settled.indexOf(winner!) + 1}` });
  });

  it('does not let a failed append claim its key from a concurrent one', async () => {
    await ctx.store.append('alert-1', someEvents(1));
    const settled = await outcomes([
      ctx.store.append('alert-1', someEvents(1, 2), { expectedVersion: 5, idempotency: { key: 'k', requestHash: 'h-1' } }),
      ctx.store.append('alert-1', someEvents(1, 2), { expectedVersion: 1, idempotency: { key: 'k', requestHash: 'h-2' } }),
    ]);
    // Whichever ran first, the failed one stored nothing and the other one holds the key.
    expect(settled[0]).toBeInstanceOf(Error);
    expect(settled[1]).toMatchObject({ replayed: false, nextVersion: 2 });
    expect(await ctx.store.findIdempotent('k')).toMatchObject({ requestHash: 'h-2', nextVersion: 2 });
  });

  it('tells onAppended listeners only of committed positions, ending with the last one', async () => {
    const heard: number[] = [];
    const visible: Promise<number>[] = [];
    const stop = ctx.store.onAppended((p) => {
      heard.push(p);
      visible.push(ctx.store.lastPosition());
    });
    const written = await Promise.all(Array.from({ length: 30 }, (_, i) => ctx.store.append(`s-${i % 7}`, someEvents(1 + (i % 2)))));
    stop();
    const last = Math.max(...written.map((r) => r.lastPosition));
    expect(isStrictlyIncreasing(heard)).toBe(true);
    expect(heard[heard.length - 1]).toBe(last);
    (await Promise.all(visible)).forEach((position, i) => expect(position).toBeGreaterThanOrEqual(heard[i]!));
  });
};
