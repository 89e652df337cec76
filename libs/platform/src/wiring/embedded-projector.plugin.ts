import { followAll, upcasting, type WriterPlugin } from '@poc/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelStore } from '@poc/projections';
import { openReadModelConnection } from './read-model-connection';

export type EmbeddedProjectorOptions = Readonly<{ file: string }>;

/**
 * The embedded projector, run inside the SQLite writer thread (ThreadedSqliteEventStore
 * .startInWriterThread): it follows that thread's own store, so it hears of a commit right
 * after it, and projects on a read-model connection of its own, off the main thread. Each
 * batch and its checkpoints commit in one transaction: after a crash it resumes from the
 * last checkpoint and the runner skips what was applied. No Nest here: this runs in a worker.
 */
export const writerPlugin: WriterPlugin = {
  start: async (store, { options, log }) => {
    const { file } = options as EmbeddedProjectorOptions;
    const db = openReadModelConnection(file, { checkpoints: true });
    try {
      const runner = new ProjectionRunner(new SqliteReadModelStore(db), ALL_PROJECTIONS);
      await runner.init();
      const from = await runner.position();
      const subscription = followAll(upcasting(store), from, (batch) => runner.handle(batch), {
        onError: (error) => log('error', `projection failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
      });
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
