import type { WriterPlugin } from '../sqlite/threaded/writer-messages';

export type CrashOptions = Readonly<{
  afterCommits: number;
  /**
   * `exit`: the thread stops inside the commit's listener, after COMMIT but before any of
   * the group's appends is answered (stored, yet never acknowledged). `throw`: an uncaught
   * error on the thread's next turn, with appends received but not yet committed.
   */
  how: 'exit' | 'throw';
}>;

/** For the crash tests only: kills the writer thread it is started in, after some commits. */
export const writerPlugin: WriterPlugin = {
  start: async (store, { options }) => {
    const { afterCommits, how } = options as CrashOptions;
    let commits = 0;
    store.onAppended(() => {
      if (++commits !== afterCommits) return;
      if (how === 'exit') process.exit(1);
      setImmediate(() => {
        throw new Error('the writer thread crashed (test)');
      });
    });
    return { result: undefined, stop: async () => undefined };
  },
};
