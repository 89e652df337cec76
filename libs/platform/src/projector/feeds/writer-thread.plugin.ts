import { upcasting, type WriterPlugin } from '@poc/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelStore } from '@poc/projections';
import { openReadModelConnection } from '../../wiring/read-model-connection';
import { followIntoReadModels } from '../follow-into-read-models';

export type WriterThreadProjectorOptions = Readonly<{ file: string }>;

/**
 * This module, for ThreadedSqliteEventStore.startInWriterThread: the thread loads it by path,
 * so open-embedded.ts imports this constant rather than spelling the path (an import the
 * layer rules see). Its own __filename: .ts under swc-node and jest, .js if ever compiled.
 */
export const WRITER_THREAD_PROJECTOR = __filename;

/**
 * The projector inside the SQLite writer thread: it follows that thread's own store, so it
 * hears of a commit right after it, and projects on a read-model connection of its own, off
 * the main thread. Each batch and its checkpoints commit in one transaction. No Nest here:
 * this runs in a worker.
 */
export const writerPlugin: WriterPlugin = {
  start: async (store, { options, log }) => {
    const { file } = options as WriterThreadProjectorOptions;
    const db = openReadModelConnection(file, { checkpoints: true });
    try {
      const runner = new ProjectionRunner(new SqliteReadModelStore(db), ALL_PROJECTIONS);
      await runner.init();
      const { from, subscription } = await followIntoReadModels(upcasting(store), runner, (message) => log('error', message));
      return {
        result: from,
        stop: async () => {
          await subscription.stop();
          db.close();
        },
      };
    } catch (error) {
      db.close();
      throw error;
    }
  },
};
