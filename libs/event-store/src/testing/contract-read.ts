import type { StoredEvent } from '@poc/domain';
import { anEvent, isStrictlyIncreasing, metadata, positionsOf, someEvents, type ContractContext } from './contract-fixtures';

export const readContract = (ctx: ContractContext): void => {
  /** Seven events over three streams, interleaved; returns them in append order. */
  const interleave = async (): Promise<StoredEvent[]> => {
    const appended: StoredEvent[] = [];
    for (const [stream, count] of [['a-1', 2], ['b-1', 1], ['a-1', 1], ['c-1', 2], ['b-1', 1]] as const) {
      appended.push(...(await ctx.store.append(stream, someEvents(count, appended.length + 1))).events);
    }
    return appended;
  };

  it('reads a stream oldest first, and an unknown stream as empty', async () => {
    await interleave();
    const stream = await ctx.store.readStream('a-1');
    expect(stream.map((e) => [e.streamId, e.streamVersion])).toEqual([['a-1', 1], ['a-1', 2], ['a-1', 3]]);
    expect(isStrictlyIncreasing(positionsOf(stream))).toBe(true);
    expect(await ctx.store.readStream('nope-1')).toEqual([]);
  });

  it('reads all streams in global order', async () => {
    const appended = await interleave();
    const all = await ctx.store.readAll();
    expect(all).toEqual(appended);
    expect(isStrictlyIncreasing(positionsOf(all))).toBe(true);
    expect(all.map((e) => e.streamId)).toEqual(['a-1', 'a-1', 'b-1', 'a-1', 'c-1', 'c-1', 'b-1']);
  });

  it('reads all from a position (exclusive)', async () => {
    const appended = await interleave();
    const from = appended[3]!.position;
    expect(await ctx.store.readAll({ fromPosition: from })).toEqual(appended.slice(4));
    expect(await ctx.store.readAll({ fromPosition: appended[6]!.position })).toEqual([]);
  });

  it('reads all in batches that cover every event exactly once', async () => {
    const appended = await interleave();
    const seen: StoredEvent[] = [];
    let position = 0;
    for (;;) {
      const batch = await ctx.store.readAll({ fromPosition: position, limit: 3 });
      expect(batch.length).toBeLessThanOrEqual(3);
      if (batch.length === 0) break;
      seen.push(...batch);
      position = batch[batch.length - 1]!.position;
    }
    expect(seen).toEqual(appended);
    expect(new Set(seen.map((e) => e.id)).size).toBe(appended.length);
  });

  it('reports the last position: 0 when empty, then the last event', async () => {
    expect(await ctx.store.lastPosition()).toBe(0);
    expect(await ctx.store.readAll()).toEqual([]);
    const appended = await interleave();
    expect(await ctx.store.lastPosition()).toBe(appended[appended.length - 1]!.position);
  });

  it('round-trips data, metadata, occurredAt, recordedAt and schemaVersion', async () => {
    const data = { text: 'Tombouctou – attaque signalée ✓', nested: { list: [1, 2.5, null, true], empty: {} }, nothing: null };
    const fullMetadata = metadata({ role: 'ops', causationId: 'cause-1', idempotencyKey: 'key-1', correlationId: 'corr-9' });
    const before = new Date().toISOString();
    const result = await ctx.store.append('alert-1', [
      anEvent('AlertRaised', data, { metadata: fullMetadata, occurredAt: '2023-12-31T23:59:59.123Z', schemaVersion: 3 }),
      anEvent('AlertClosed', null),
    ]);
    const after = new Date().toISOString();
    const [first, second] = await ctx.store.readStream('alert-1');
    expect(first).toEqual(result.events[0]);
    expect(second).toEqual(result.events[1]);
    expect(first).toMatchObject({ type: 'AlertRaised', data, metadata: fullMetadata, schemaVersion: 3, occurredAt: '2023-12-31T23:59:59.123Z' });
    expect(second).toMatchObject({ data: null, metadata: metadata(), schemaVersion: 1 });
    for (const event of [first!, second!]) {
      expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      expect(event.recordedAt >= before && event.recordedAt <= after).toBe(true);
    }
    expect(first!.id).toEqual(expect.any(String));
    expect(first!.id).not.toBe(second!.id);
  });
};
