import type { AppendOptions, EventStore } from '../../event-store.port';
import type { SqliteEventStoreOptions } from '../sqlite-event-store';
import type { EncodedError } from './writer-errors';

/**
 * The messages between the main thread and the SQLite writer thread. Plain data only
 * (structured clone): errors travel encoded and are re-created on the other side.
 */

/** What the writer thread is started with (`workerData`). */
export type WriterThreadData = Readonly<{
  file: string;
  options: Pick<SqliteEventStoreOptions, 'busyTimeoutMs' | 'groupCommit'>;
  /** The .ts (or .js) module the bootstrap loads into the thread. */
  entry: string;
}>;

/**
 * An event on its way to the writer: `data` and `metadata` already JSON text, made on the
 * main thread exactly as the store would make it (so toJSON, dropped functions and a BigInt's
 * TypeError behave as they always did), and parsed back in the writer thread.
 */
export type SerialisedEvent = Readonly<{ type: string; occurredAt: string; schemaVersion?: number; data: string; metadata: string }>;

export type ToWriter =
  | Readonly<{ kind: 'append'; id: number; streamId: string; events: readonly SerialisedEvent[]; options: AppendOptions }>
  | Readonly<{ kind: 'start-plugin'; id: number; module: string; options: unknown }>
  | Readonly<{ kind: 'close' }>;

export type FromWriter =
  | Readonly<{ kind: 'ready' }>
  | Readonly<{ kind: 'open-failed'; error: EncodedError }>
  /** Posted right after a COMMIT that stored events, before the results of its appends. */
  | Readonly<{ kind: 'appended'; lastPosition: number }>
  | Readonly<{ kind: 'done'; id: number; result: unknown }>
  | Readonly<{ kind: 'failed'; id: number; error: EncodedError }>
  | Readonly<{ kind: 'log'; level: 'log' | 'warn' | 'error'; message: string }>
  | Readonly<{ kind: 'closed' }>;

/**
 * Work that runs inside the writer thread, beside the appends (the embedded projector): a
 * module exporting `writerPlugin`. It gets the thread's own store, whose `onAppended` fires
 * right after each commit in that thread, without a message to the main thread and back.
 */
export type WriterPlugin = Readonly<{
  start: (
    store: EventStore,
    context: Readonly<{ options: unknown; log: (level: 'log' | 'warn' | 'error', message: string) => void }>,
  ) => Promise<Readonly<{ result: unknown; stop: () => Promise<void> }>>;
}>;
