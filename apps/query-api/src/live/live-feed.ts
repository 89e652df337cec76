import type { ServerResponse } from 'node:http';
import type { EventStore } from '@poc/event-store';
import { SSE_KEEP_ALIVE, sseMessage } from './sse-message';

export type LiveFeedOptions = Readonly<{
  /** Send the events after this position. */
  after: number;
  /** false: send what is stored now and end; true: go on with every new event. */
  follow: boolean;
  pollMs?: number;
  keepAliveMs?: number;
  batchSize?: number;
}>;

/** Resolves after `ms`, early when woken or aborted. */
const pause = (ms: number, signal: AbortSignal, wakeUp: { wake?: () => void }): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      wakeUp.wake = undefined;
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
    wakeUp.wake = done;
  });

/** A slow client: wait until its socket takes more, or it is gone. */
const drained = (res: ServerResponse, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    res.on('drain', done);
    signal.addEventListener('abort', done);
  });

/**
 * Writes the store's global log to `res` as server-sent events, from `after` on, until the
 * log is exhausted (follow=false), the client goes or `signal` aborts. Polls the store (another
 * process may append to it) and wakes at once on this process's own appends.
 */
export const pumpLiveFeed = async (store: EventStore, res: ServerResponse, signal: AbortSignal, options: LiveFeedOptions): Promise<void> => {
  const pollMs = options.pollMs ?? 200;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const batchSize = options.batchSize ?? 500;
  const wakeUp: { wake?: () => void } = {};
  // Set when an append lands while a batch is read: the next pause must not sleep through it.
  let appended = false;
  const unsubscribe = store.onAppended(() => {
    appended = true;
    wakeUp.wake?.();
  });
  let position = options.after;
  let lastWrite = Date.now();
  try {
    while (!signal.aborted && !res.destroyed) {
      appended = false;
      const batch = await store.readAll({ fromPosition: position, limit: batchSize });
      if (signal.aborted || res.destroyed) break;
      if (batch.length > 0) {
        position = batch[batch.length - 1]!.position;
        lastWrite = Date.now();
        if (!res.write(batch.map(sseMessage).join(''))) await drained(res, signal);
        if (batch.length === batchSize) continue;
      }
      if (!options.follow) break;
      if (Date.now() - lastWrite >= keepAliveMs) {
        lastWrite = Date.now();
        res.write(SSE_KEEP_ALIVE);
      }
      if (!appended) await pause(Math.min(pollMs, keepAliveMs), signal, wakeUp);
    }
  } finally {
    unsubscribe();
    // The store may fail (closed, unreachable): the client reconnects with Last-Event-ID.
    if (!res.destroyed) res.end();
  }
};
