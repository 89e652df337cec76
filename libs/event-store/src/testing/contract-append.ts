import { WrongExpectedVersion, type AppendResult, type ExpectedVersion } from '../event-store.port';
import { anEvent, rejectionOf, someEvents, type ContractContext } from './contract-fixtures';

export const appendContract = (ctx: ContractContext): void => {
  it("appends to a new stream with 'no-stream'", async () => {
    const result = await ctx.store.append('alert-1', [anEvent('AlertRaised')], { expectedVersion: 'no-stream' });
    expect(result).toMatchObject({ streamId: 'alert-1', nextVersion: 1, replayed: false });
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ streamId: 'alert-1', streamVersion: 1, type: 'AlertRaised' });
    expect(result.lastPosition).toBe(result.events[0]!.position);
    expect(await ctx.store.readStream('alert-1')).toEqual(result.events);
  });

  it('numbers stream versions 1..n across appends', async () => {
    const first = await ctx.store.append('alert-1', someEvents(3), { expectedVersion: 'no-stream' });
    const second = await ctx.store.append('alert-1', someEvents(2, 4), { expectedVersion: 3 });
    expect(first.nextVersion).toBe(3);
    expect(second.nextVersion).toBe(5);
    const stream = await ctx.store.readStream('alert-1');
    expect(stream.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    expect(stream.map((e) => e.data)).toEqual([1, 2, 3, 4, 5].map((n) => ({ n })));
  });

  it('succeeds with the exact expected version and fails on a mismatch, naming the actual version', async () => {
    await ctx.store.append('alert-1', someEvents(2));
    await expect(ctx.store.append('alert-1', someEvents(1, 3), { expectedVersion: 2 })).resolves.toMatchObject({ nextVersion: 3 });
    const error = await rejectionOf(ctx.store.append('alert-1', someEvents(1, 4), { expectedVersion: 2 }));
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ streamId: 'alert-1', expected: 2, actual: 3 });
    expect(await ctx.store.readStream('alert-1')).toHaveLength(3);
  });

  it('treats an unknown stream as version 0', async () => {
    const error = await rejectionOf(ctx.store.append('alert-9', someEvents(1), { expectedVersion: 4 }));
    expect(error).toMatchObject({ name: 'WrongExpectedVersion', expected: 4, actual: 0 });
    await expect(ctx.store.append('alert-9', someEvents(1), { expectedVersion: 0 })).resolves.toMatchObject({ nextVersion: 1 });
  });

  it("fails 'no-stream' on a stream that exists", async () => {
    await ctx.store.append('alert-1', someEvents(2));
    const error = await rejectionOf(ctx.store.append('alert-1', someEvents(1), { expectedVersion: 'no-stream' }));
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ expected: 'no-stream', actual: 2 });
  });

  it("always succeeds with 'any' (and without an expected version)", async () => {
    await expect(ctx.store.append('alert-1', someEvents(1), { expectedVersion: 'any' })).resolves.toMatchObject({ nextVersion: 1 });
    await expect(ctx.store.append('alert-1', someEvents(1), { expectedVersion: 'any' })).resolves.toMatchObject({ nextVersion: 2 });
    await expect(ctx.store.append('alert-1', someEvents(1))).resolves.toMatchObject({ nextVersion: 3 });
  });

  it('appends several events atomically: a failing append stores none of them', async () => {
    await ctx.store.append('alert-0', someEvents(1));
    const before = await ctx.store.lastPosition();
    // The third event cannot be serialised: the first two must not stay behind.
    const poisoned = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 }), anEvent('C', { n: BigInt(3) })];
    await expect(ctx.store.append('alert-1', poisoned, { expectedVersion: 'no-stream' })).rejects.toThrow();
    await expect(ctx.store.append('alert-0', someEvents(3), { expectedVersion: 'no-stream' })).rejects.toThrow(WrongExpectedVersion);
    expect(await ctx.store.readStream('alert-1')).toEqual([]);
    expect(await ctx.store.readStream('alert-0')).toHaveLength(1);
    expect(await ctx.store.lastPosition()).toBe(before);
    expect(await ctx.store.readAll({ fromPosition: before })).toEqual([]);
    const retried = await ctx.store.append('alert-1', someEvents(3), { expectedVersion: 'no-stream' });
    expect(retried.events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
  });

  it('allows an empty append, which checks the version and returns the current one', async () => {
    await expect(ctx.store.append('alert-1', [], { expectedVersion: 'no-stream' })).resolves.toMatchObject({
      nextVersion: 0,
      lastPosition: 0,
      events: [],
    });
    const written = await ctx.store.append('alert-1', someEvents(2));
    await ctx.store.append('alert-2', someEvents(1));
    await expect(ctx.store.append('alert-1', [], { expectedVersion: 2 })).resolves.toMatchObject({
      nextVersion: 2,
      lastPosition: written.lastPosition,
      events: [],
    });
    await expect(ctx.store.append('alert-1', [], { expectedVersion: 1 })).rejects.toThrow(WrongExpectedVersion);
    expect(await ctx.store.readStream('alert-1')).toHaveLength(2);
  });

  it.each<[string, ExpectedVersion]>([
    ['the same exact version', 2],
    ["'no-stream'", 'no-stream'],
  ])('lets exactly one of several concurrent appends with %s win', async (_, expectedVersion) => {
    const existing = typeof expectedVersion === 'number' ? (await ctx.store.append('alert-1', someEvents(2))).events : [];
    const contenders = [1, 2, 3, 4, 5].map((i) =>
      ctx.store.append('alert-1', someEvents(2, i * 10), { expectedVersion }).then(
        (result): AppendResult | Error => result,
        (error: Error) => error,
      ),
    );
    const outcomes = await Promise.all(contenders);
    const winners = outcomes.filter((o): o is AppendResult => !(o instanceof Error));
    const losers = outcomes.filter((o) => o instanceof Error);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(4);
    losers.forEach((error) => expect(error).toBeInstanceOf(WrongExpectedVersion));
    expect(await ctx.store.readStream('alert-1')).toEqual([...existing, ...winners[0]!.events]);
  });
};
