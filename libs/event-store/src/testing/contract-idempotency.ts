import { IdempotencyKeyReused, type IdempotencyClaim } from '../event-store.port';
import { rejectionOf, someEvents, type ContractContext } from './contract-fixtures';

export const idempotencyContract = (ctx: ContractContext): void => {
  const claim = (requestHash = 'hash-1', key = 'key-1'): IdempotencyClaim => ({ key, requestHash });

  it('replays the first result for the same key and hash, storing nothing new', async () => {
    const first = await ctx.store.append('alert-1', someEvents(2), { expectedVersion: 'no-stream', idempotency: claim() });
    await ctx.store.append('alert-2', someEvents(1));
    const last = await ctx.store.lastPosition();
    // The retry carries the same (now stale) expected version: it is a replay, not a conflict.
    const again = await ctx.store.append('alert-1', someEvents(2), { expectedVersion: 'no-stream', idempotency: claim() });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await ctx.store.lastPosition()).toBe(last);
    expect(await ctx.store.readStream('alert-1')).toEqual(first.events);
  });

  it('refuses the same key with a different request hash, storing nothing', async () => {
    await ctx.store.append('alert-1', someEvents(1), { idempotency: claim('hash-1') });
    const last = await ctx.store.lastPosition();
    const error = await rejectionOf(ctx.store.append('alert-1', someEvents(1, 2), { idempotency: claim('hash-2') }));
    expect(error).toBeInstanceOf(IdempotencyKeyReused);
    expect(error).toMatchObject({ key: 'key-1' });
    expect(await ctx.store.lastPosition()).toBe(last);
  });

  it('refuses the same key and hash on another stream', async () => {
    await ctx.store.append('alert-1', someEvents(1), { idempotency: claim() });
    await expect(ctx.store.append('alert-2', someEvents(1), { idempotency: claim() })).rejects.toThrow(IdempotencyKeyReused);
    expect(await ctx.store.readStream('alert-2')).toEqual([]);
  });

  it('does not claim the key when the append fails', async () => {
    await ctx.store.append('alert-1', someEvents(1));
    await expect(
      ctx.store.append('alert-1', someEvents(1, 2), { expectedVersion: 'no-stream', idempotency: claim() }),
    ).rejects.toThrow();
    expect(await ctx.store.findIdempotent('key-1')).toBeUndefined();
    const retried = await ctx.store.append('alert-1', someEvents(1, 2), { expectedVersion: 1, idempotency: claim() });
    expect(retried).toMatchObject({ replayed: false, nextVersion: 2 });
  });

  it('remembers the first result for findIdempotent', async () => {
    expect(await ctx.store.findIdempotent('key-1')).toBeUndefined();
    const first = await ctx.store.append('alert-1', someEvents(3), { idempotency: claim() });
    expect(await ctx.store.findIdempotent('key-1')).toEqual({
      key: 'key-1',
      requestHash: 'hash-1',
      streamId: 'alert-1',
      nextVersion: 3,
      lastPosition: first.lastPosition,
      recordedAt: expect.any(String),
    });
  });

  it('replays an empty idempotent append as empty', async () => {
    await ctx.store.append('alert-1', someEvents(2));
    const first = await ctx.store.append('alert-1', [], { expectedVersion: 2, idempotency: claim() });
    await ctx.store.append('alert-1', someEvents(1, 3));
    const again = await ctx.store.append('alert-1', [], { expectedVersion: 2, idempotency: claim() });
    expect(again).toEqual({ ...first, replayed: true });
    expect(again).toMatchObject({ nextVersion: 2, events: [] });
  });
};
