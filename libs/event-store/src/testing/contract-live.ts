import type { StoredEvent } from '@poc/domain';
import { followAll } from '../follow';
import { isStrictlyIncreasing, positionsOf, rejectionOf, someEvents, waitFor, type ContractContext } from './contract-fixtures';

export const liveContract = (ctx: ContractContext): void => {
  it('calls onAppended after the commit with the new last position', async () => {
    const heard: number[] = [];
    const seenByListener: Promise<readonly StoredEvent[]>[] = [];
    const stop = ctx.store.onAppended((lastPosition) => {
      heard.push(lastPosition);
      // Started from inside the listener: the events must already be visible.
      seenByListener.push(ctx.store.readAll());
    });
    const result = await ctx.store.append('alert-1', someEvents(3));
    await waitFor(() => heard.length === 1);
    expect(heard).toEqual([result.lastPosition]);
    expect(result.lastPosition).toBe(await ctx.store.lastPosition());
    expect(await seenByListener[0]).toEqual(result.events);
    stop();
    await ctx.store.append('alert-1', someEvents(1, 4));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toHaveLength(1);
  });

  it('does not call onAppended for a failed append, a replay or an empty append', async () => {
    const idempotency = { key: 'key-1', requestHash: 'hash-1' };
    await ctx.store.append('alert-1', someEvents(1), { idempotency });
    const heard: number[] = [];
    const stop = ctx.store.onAppended((p) => heard.push(p));
    await rejectionOf(ctx.store.append('alert-1', someEvents(1), { expectedVersion: 'no-stream' }));
    await ctx.store.append('alert-1', someEvents(1), { idempotency });
    await ctx.store.append('alert-1', []);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    expect(heard).toEqual([]);
  });

  it('followAll delivers every event once, in order, including events appended while following', async () => {
    await ctx.store.append('a-1', someEvents(3));
    await ctx.store.append('b-1', someEvents(2, 4));
    const delivered: StoredEvent[] = [];
    const batchSizes: number[] = [];
    const subscription = followAll(ctx.store, 0, (batch) => {
      batchSizes.push(batch.length);
      delivered.push(...batch);
    }, { batchSize: 2 });
    try {
      await waitFor(() => delivered.length >= 5);
      await ctx.store.append('a-1', someEvents(1, 6));
      await ctx.store.append('c-1', someEvents(3, 7));
      await Promise.all([ctx.store.append('b-1', someEvents(1, 10)), ctx.store.append('d-1', someEvents(2, 11))]);
      await waitFor(() => delivered.length >= 12);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await subscription.stop();
    }
    const all = await ctx.store.readAll();
    expect(all).toHaveLength(12);
    expect(delivered).toEqual(all);
    expect(isStrictlyIncreasing(positionsOf(delivered))).toBe(true);
    expect(Math.max(...batchSizes)).toBeLessThanOrEqual(2);
  });

  it('followAll starts after the given position', async () => {
    const first = await ctx.store.append('a-1', someEvents(4));
    const delivered: StoredEvent[] = [];
    const subscription = followAll(ctx.store, first.events[1]!.position, (batch) => {
      delivered.push(...batch);
    });
    try {
      await waitFor(() => delivered.length >= 2);
      const later = await ctx.store.append('a-1', someEvents(1, 5));
      await waitFor(() => delivered.length >= 3);
      expect(delivered).toEqual([...first.events.slice(2), ...later.events]);
    } finally {
      await subscription.stop();
    }
  });
};
