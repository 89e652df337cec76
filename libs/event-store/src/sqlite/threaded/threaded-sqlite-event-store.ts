import Database from 'better-sqlite3';
import type { StoredEvent } from '@poc/domain';
import {
  EventStoreUnavailable,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type IdempotencyRecord,
  type ReadAllOptions,
} from '../../event-store.port';
import type { SqliteEventStoreOptions } from '../sqlite-event-store';
import { mapSqliteError } from '../sqlite-rows';
import { DEFAULT_BUSY_TIMEOUT_MS } from '../sqlite-schema';
import { sqliteReads, type SqliteReads } from '../sqlite-reads';
import { prepareStatements } from '../sqlite-statements';
import type { SerialisedEvent } from './writer-messages';
import { WriterThread } from './writer-thread';

export type ThreadedSqliteEventStoreOptions = SqliteEventStoreOptions & {
  /** What the writer thread reports (plugin errors, a listener that threw there, its death). */
  onLog?: (level: 'log' | 'warn' | 'error', message: string) => void;
};

/**
 * How long the writer thread waits for another connection's write lock. Longer than the
 * in-thread store's 5 s: a blue/green swap holds the file's lock ~8 s at a million events
 * (docs/analysts.md), and waiting here blocks no request thread; appends then answer late
 * instead of failing with 503.
 */
const WRITER_BUSY_TIMEOUT_MS = 15_000;

/**
 * The embedded event store with its writes off the calling thread: a `SqliteEventStore`
 * runs in a worker thread (writer-thread.worker.ts), which takes the appends, commits them
 * in groups and fsyncs there; `append` resolves once that COMMIT is done, with the same
 * errors as the in-thread store. Reads run here, on a read-only connection: in WAL mode a
 * reader never waits for the writer, and a read-only connection never runs a checkpoint, so
 * this thread never stalls on the disk. `onAppended` listeners here hear of every commit.
 */
export class ThreadedSqliteEventStore implements EventStore {
  private readonly listeners = new Set<(lastPosition: number) => void>();
  private readonly onListenerError: (error: unknown) => void;
  private readonly reads: SqliteReads;
  private closing?: Promise<void>;

  private constructor(
    private readonly writer: WriterThread,
    private readonly db: Database.Database,
    options: ThreadedSqliteEventStoreOptions,
  ) {
    this.onListenerError = options.onListenerError ?? ((error) => process.emitWarning(error instanceof Error ? error : String(error)));
    this.reads = sqliteReads(prepareStatements(db), <T>(work: () => T): T => this.read(work));
  }

  /** Starts the writer thread, which opens (and creates) the file; then opens the reader. */
  static async open(file: string, options: ThreadedSqliteEventStoreOptions = {}): Promise<ThreadedSqliteEventStore> {
    let store: ThreadedSqliteEventStore | undefined;
    const writer = await WriterThread.start(
      { file, options: { busyTimeoutMs: options.busyTimeoutMs ?? WRITER_BUSY_TIMEOUT_MS, ...(options.groupCommit && { groupCommit: options.groupCommit }) } },
      { appended: (position) => store?.notify(position), log: options.onLog ?? ((level, message) => console[level](message)) },
    );
    try {
      const db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
      store = new ThreadedSqliteEventStore(writer, db, options);
      return store;
    } catch (error) {
      await writer.close();
      throw mapSqliteError(error);
    }
  }

  /**
   * Sent to the writer thread; resolves after its COMMIT. `data` and `metadata` become JSON
   * here, as the in-thread store would make them, so what is stored does not depend on what
   * a structured clone keeps (a toJSON method, a class) and a BigInt fails here, alone.
   */
  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const serialised = events.map(
      (event): SerialisedEvent => ({
        type: event.type,
        occurredAt: event.occurredAt,
        ...(event.schemaVersion !== undefined && { schemaVersion: event.schemaVersion }),
        data: JSON.stringify(event.data ?? null),
        metadata: JSON.stringify(event.metadata),
      }),
    );
    const { expectedVersion, idempotency, recordedAt } = options;
    return (await this.writer.request({ kind: 'append', streamId, events: serialised, options: { expectedVersion, idempotency, recordedAt } })) as AppendResult;
  }

  /**
   * Runs a plugin (a module exporting `writerPlugin`) inside the writer thread, beside the
   * appends; resolves with what its `start` returned. It stops when the store closes.
   */
  async startInWriterThread(module: string, options: unknown): Promise<unknown> {
    this.assertOpen();
    return this.writer.request({ kind: 'start-plugin', module, options });
  }

  findIdempotent(key: string): Promise<IdempotencyRecord | undefined> {
    return this.reads.findIdempotent(key);
  }

  readStream(streamId: string): Promise<readonly StoredEvent[]> {
    return this.reads.readStream(streamId);
  }

  readAll(options: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    return this.reads.readAll(options);
  }

  lastPosition(): Promise<number> {
    return this.reads.lastPosition();
  }

  onAppended(listener: (lastPosition: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Refuses new calls at once; answers every append already sent (committed or refused), then stops the thread. */
  close(): Promise<void> {
    this.closing ??= this.writer.close().finally(() => {
      this.listeners.clear();
      this.db.close();
    });
    return this.closing;
  }

  private notify(lastPosition: number): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(lastPosition);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  /** Reads too fail once the writer thread is gone: the store as a whole is unavailable (health: 503). */
  private assertOpen(): void {
    if (this.writer.unavailable) throw this.writer.unavailable;
    if (!this.db.open) throw new EventStoreUnavailable('the SQLite event store is closed');
  }

  private read<T>(work: () => T): T {
    this.assertOpen();
    try {
      return work();
    } catch (error) {
      throw mapSqliteError(error);
    }
  }
}
