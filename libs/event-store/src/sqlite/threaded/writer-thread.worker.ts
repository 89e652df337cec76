/**
 * The SQLite writer thread (node:worker_threads). It owns the store's only writing
 * connection: appends arrive as messages, and those that arrive while it is busy commit
 * together (the store's group commit: one transaction, one fsync). better-sqlite3 is
 * synchronous, so the fsync and SQLite's WAL checkpoints (run by the connection whose commit
 * crosses the threshold) now block this thread, never the main thread's HTTP requests.
 * Plugins (the embedded projector) run here too, following this store directly.
 *
 * If this thread dies (an uncaught error, out of memory), the main thread fails what it had
 * sent with `EventStoreUnavailable` and refuses everything after: see writer-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendOptions } from '../../event-store.port';
import { SqliteEventStore } from '../sqlite-event-store';
import { encodeError } from './writer-errors';
import type { FromWriter, SerialisedEvent, ToWriter, WriterPlugin, WriterThreadData } from './writer-messages';

const port = parentPort!;
const { file, options } = workerData as WriterThreadData;
const post = (message: FromWriter): void => port.postMessage(message);
const log = (level: 'log' | 'warn' | 'error', message: string): void => post({ kind: 'log', level, message });
const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const parseEvent = (event: SerialisedEvent) => ({ ...event, data: JSON.parse(event.data) as unknown, metadata: JSON.parse(event.metadata) });

const serve = (store: SqliteEventStore): void => {
  const stops: Array<() => Promise<void>> = [];
  // Called by the store right after each COMMIT that stored events, before its appends resolve:
  // so the main thread hears of the position before it hears the appends' results.
  store.onAppended((lastPosition) => post({ kind: 'appended', lastPosition }));

  const append = async (id: number, streamId: string, events: readonly SerialisedEvent[], appendOptions: AppendOptions) => {
    try {
      // Synchronous up to the store's queue: every append of this batch of messages joins one group.
      const result = await store.append(streamId, events.map(parseEvent), appendOptions);
      post({ kind: 'done', id, result });
    } catch (error) {
      post({ kind: 'failed', id, error: encodeError(error) });
    }
  };

  const startPlugin = async (id: number, module: string, pluginOptions: unknown) => {
    try {
      const { writerPlugin } = (await import(module)) as { writerPlugin: WriterPlugin };
      const started = await writerPlugin.start(store, { options: pluginOptions, log });
      stops.push(started.stop);
      post({ kind: 'done', id, result: started.result });
    } catch (error) {
      post({ kind: 'failed', id, error: encodeError(error) });
    }
  };

  /** Plugins first (the projector finishes its batch), then the store commits what is queued. */
  const close = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch((error: unknown) => log('error', `stopping a plugin failed: ${describe(error)}`));
    await store.close().catch((error: unknown) => log('error', `closing the store failed: ${describe(error)}`));
    // The last group's results are posted by its promises' callbacks: let them run first.
    await new Promise((resolve) => setImmediate(resolve));
    post({ kind: 'closed' });
  };

  port.on('message', (message: ToWriter) => {
    if (message.kind === 'append') void append(message.id, message.streamId, message.events, message.options);
    else if (message.kind === 'start-plugin') void startPlugin(message.id, message.module, message.options);
    else void close();
  });
  post({ kind: 'ready' });
};

try {
  serve(new SqliteEventStore(file, { ...options, onListenerError: (error) => log('warn', `an onAppended listener failed: ${describe(error)}`) }));
} catch (error) {
  post({ kind: 'open-failed', error: encodeError(error) });
}
