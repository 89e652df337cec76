import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStoreUnavailable } from '../../event-store.port';
import { reviveError } from './writer-errors';
import type { FromWriter, ToWriter, WriterThreadData } from './writer-messages';

const BOOTSTRAP = join(__dirname, 'writer-thread.bootstrap.js');
/** The worker module, with this file's own extension (.ts today; .js if ever compiled). */
const ENTRY = join(__dirname, `writer-thread.worker${extname(__filename)}`);

type Request = Readonly<{ resolve: (result: unknown) => void; reject: (error: unknown) => void }>;
type Distributive<T> = T extends unknown ? Omit<T, 'id'> : never;

export type WriterThreadHooks = {
  /** A COMMIT in the writer thread stored events up to this position. */
  appended: (lastPosition: number) => void;
  /** What the thread has to say (a plugin's errors, a listener that threw). */
  log: (level: 'log' | 'warn' | 'error', message: string) => void;
};

/**
 * The main thread's handle on the SQLite writer thread: requests out, answers back by id.
 *
 * When the thread dies (an uncaught error, out of memory, terminated), every request it had
 * not answered fails with `EventStoreUnavailable` ("may or may not be stored": the thread
 * may have committed an append and died before answering; a retry with the same idempotency
 * key settles it), and every later request fails at once the same way: nothing hangs, HTTP
 * answers 503, and the store stays unusable until the process is restarted. Acknowledged
 * appends are safe either way: an answer is only ever sent after the COMMIT (fsync).
 */
export class WriterThread {
  private readonly requests = new Map<number, Request>();
  private nextId = 1;
  /** Set once the thread is gone, or closing: why requests are refused. */
  private refusal?: EventStoreUnavailable;
  private crash?: unknown;
  private closing?: Promise<void>;
  private closed?: () => void;
  private starting?: Readonly<{ resolve: () => void; reject: (error: unknown) => void }>;

  private constructor(
    private readonly worker: Worker,
    private readonly hooks: WriterThreadHooks,
  ) {}

  /** Starts the thread and opens the store in it; rejects as opening a `SqliteEventStore` would. */
  static async start(data: Omit<WriterThreadData, 'entry'>, hooks: WriterThreadHooks): Promise<WriterThread> {
    const worker = new Worker(BOOTSTRAP, { workerData: { ...data, entry: ENTRY } satisfies WriterThreadData });
    const thread = new WriterThread(worker, hooks);
    const ready = new Promise<void>((resolve, reject) => {
      thread.starting = { resolve, reject };
      const failed = (code: number) => {
        const why = thread.crash instanceof Error ? `: ${thread.crash.message}` : '';
        reject(new EventStoreUnavailable(`the SQLite writer thread exited while starting (code ${code})${why}`, { cause: thread.crash }));
      };
      worker.once('exit', failed);
    });
    worker.on('message', (message: FromWriter) => thread.receive(message));
    worker.on('error', (error) => (thread.crash = error)); // an uncaught error in the thread; 'exit' follows
    try {
      await ready;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    // From here on, the thread's end is an outage (or the end of close()): see gone().
    worker.on('exit', (code) => thread.gone(code));
    return thread;
  }

  request(message: Distributive<Exclude<ToWriter, { kind: 'close' }>>): Promise<unknown> {
    if (this.refusal) return Promise.reject(this.refusal);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.requests.set(id, { resolve, reject });
      try {
        this.worker.postMessage({ ...message, id });
      } catch (error) {
        this.requests.delete(id); // not clonable: never sent
        reject(error);
      }
    });
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'ready') this.starting?.resolve();
    else if (message.kind === 'open-failed') this.starting?.reject(reviveError(message.error));
    else if (message.kind === 'appended') this.hooks.appended(message.lastPosition);
    else if (message.kind === 'log') this.hooks.log(message.level, message.message);
    else if (message.kind === 'closed') this.closed?.();
    else if (message.kind === 'done' || message.kind === 'failed') {
      const request = this.requests.get(message.id);
      this.requests.delete(message.id);
      if (message.kind === 'done') request?.resolve(message.result);
      else request?.reject(reviveError(message.error));
    }
  }

  private gone(code: number): void {
    this.closed?.();
    const reason = this.crash instanceof Error ? this.crash.message : `exit code ${code}`;
    if (!this.closing) {
      this.refusal = new EventStoreUnavailable(`the SQLite writer thread has stopped (${reason}); appends are refused until the process restarts`, { cause: this.crash });
      this.hooks.log('error', this.refusal.message);
    }
    const unanswered = [...this.requests.values()];
    this.requests.clear();
    for (const request of unanswered) {
      request.reject(new EventStoreUnavailable(`the SQLite writer thread stopped (${reason}) before answering: the append may or may not be stored; retry it with its idempotency key`, { cause: this.crash }));
    }
  }

  /** Why the thread refuses requests, if it does (stopped or closing). */
  get unavailable(): EventStoreUnavailable | undefined {
    return this.refusal;
  }

  /** Refuses new requests; the thread commits (or refuses) everything it was sent, then stops. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      const alive = !this.refusal;
      this.refusal ??= new EventStoreUnavailable('the SQLite event store is closed');
      if (alive) {
        await new Promise<void>((resolve) => {
          this.closed = resolve;
          this.worker.postMessage({ kind: 'close' } satisfies ToWriter);
        });
      }
      await this.worker.terminate();
    })();
    return this.closing;
  }
}
