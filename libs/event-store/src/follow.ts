import type { StoredEvent } from '@poc/domain';
import type { EventStore } from './event-store.port';

export type Subscription = Readonly<{ stop: () => Promise<void> }>;

/**
 * Follow all events live from a position: catch up in batches, then wait for the store
 * to signal new events. The handler runs one batch at a time, in global order; a batch
 * that throws is retried after `retryMs` so nothing is skipped.
 */
export const followAll = (
  store: EventStore,
  fromPosition: number,
  handle: (batch: readonly StoredEvent[]) => Promise<void> | void,
  options: { batchSize?: number; retryMs?: number; onError?: (error: unknown) => void } = {},
): Subscription => {
  const batchSize = options.batchSize ?? 500;
  let position = fromPosition;
  let stopped = false;
  let wake: (() => void) | undefined;
  // Set by a signal that arrives while a batch is being read or handled, so it is not lost.
  let signalled = false;
  const unsubscribe = store.onAppended(() => {
    signalled = true;
    wake?.();
  });
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async (): Promise<void> => {
    while (!stopped) {
      try {
        signalled = false;
        const batch = await store.readAll({ fromPosition: position, limit: batchSize });
        if (batch.length === 0) {
          if (signalled) continue;
          // Poll as a fallback: another process may append to the same store.
          await sleep(1000);
          continue;
        }
        await handle(batch);
        position = batch[batch.length - 1]!.position;
      } catch (error) {
        options.onError?.(error);
        await sleep(options.retryMs ?? 500);
      }
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopped = true;
      unsubscribe();
      wake?.();
      await running;
    },
  };
};
