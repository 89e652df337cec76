import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from '../event-store.port';
import type { EventStoreFactory } from './event-store.contract';

/**
 * A contract factory for a store kept in one file of a fresh temp dir (`makeDir`): the dir is
 * removed on teardown, and at once if the store does not open.
 */
export const tempFileStore =
  (makeDir: () => string, open: (file: string) => EventStore | Promise<EventStore>): EventStoreFactory =>
  async () => {
    const dir = makeDir();
    let store: EventStore;
    try {
      store = await open(join(dir, 'events.db'));
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
    return {
      store,
      teardown: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  };
