import type { ServerResponse } from 'node:http';
import type { StoredEvent } from '@poc/domain';
import type { EventStore } from '@poc/event-store';
import { pumpLiveFeed } from './live-feed';

/** Just what the pump uses of a store: a log to read and a signal on append. */
const fakeStore = () => {
  const log: StoredEvent[] = [];
  const listeners = new Set<(position: number) => void>();
  const append = (count: number) => {
    for (let i = 0; i < count; i++) {
      const position = log.length + 1;
      log.push({ id: `e${position}`, type: 'Happened', schemaVersion: 1, streamId: `s-${position}`, streamVersion: 1, position, occurredAt: 'x', recordedAt: 'y', data: { secret: 1 }, metadata: {} as StoredEvent['metadata'] });
    }
    listeners.forEach((l) => l(log.length));
  };
  const store = {
    readAll: async ({ fromPosition = 0, limit = 1000 } = {}) => log.filter((e) => e.position > fromPosition).slice(0, limit),
    onAppended: (listener: (position: number) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as EventStore;
  return { store, append, listeners };
};

const fakeResponse = () => {
  const chunks: string[] = [];
  const res = { destroyed: false, ended: false, write: (chunk: string) => chunks.push(chunk) > 0, end: () => void (res.ended = true), on: () => res, off: () => res };
  return { res, chunks, asResponse: res as unknown as ServerResponse };
};

const idsIn = (chunks: string[]) => chunks.join('').split('\n').filter((l) => l.startsWith('id: ')).map((l) => Number(l.slice(4)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pumpLiveFeed', () => {
  it('without follow sends every event after the start, batch after batch, and ends', async () => {
    const { store, append, listeners } = fakeStore();
    append(12);
    const { res, chunks, asResponse } = fakeResponse();
    await pumpLiveFeed(store, asResponse, new AbortController().signal, { after: 3, follow: false, batchSize: 4 });
    expect(idsIn(chunks)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(res.ended).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it('following, wakes on an append, keeps quiet streams alive, and stops when aborted', async () => {
    const { store, append, listeners } = fakeStore();
    const { res, chunks, asResponse } = fakeResponse();
    const abort = new AbortController();
    // A poll far longer than the test: only the append signal can bring the event in time.
    const done = pumpLiveFeed(store, asResponse, abort.signal, { after: 0, follow: true, pollMs: 60_000, keepAliveMs: 60_000 });
    await sleep(20);
    append(2);
    await sleep(20);
    expect(idsIn(chunks)).toEqual([1, 2]);
    abort.abort();
    await done;
    expect(res.ended).toBe(true);
    expect(listeners.size).toBe(0);
  });

  it('writes a keep-alive comment after keepAliveMs without events', async () => {
    const { store } = fakeStore();
    const { chunks, asResponse } = fakeResponse();
    const abort = new AbortController();
    const done = pumpLiveFeed(store, asResponse, abort.signal, { after: 0, follow: true, pollMs: 10, keepAliveMs: 50 });
    await sleep(130);
    abort.abort();
    await done;
    const comments = chunks.filter((c) => c === ': keep-alive\n\n').length;
    expect(comments).toBeGreaterThanOrEqual(1);
    expect(comments).toBeLessThanOrEqual(3);
  });

  it('stops when the client is gone', async () => {
    const { store, append } = fakeStore();
    const { res, chunks, asResponse } = fakeResponse();
    const done = pumpLiveFeed(store, asResponse, new AbortController().signal, { after: 0, follow: true, pollMs: 5 });
    res.destroyed = true;
    await done;
    append(1);
    expect(chunks).toEqual([]);
    expect(res.ended).toBe(false);
  });
});
