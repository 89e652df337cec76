import { randomUUID } from 'node:crypto';
import { Pool, type ClientConfig, type PoolConfig } from 'pg';
import { checkout, createPool, withClient, type HeldClient } from '@poc/postgres';
import type { StoredEvent } from '@poc/domain';
import {
  EventStoreUnavailable,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type IdempotencyRecord,
  type ReadAllOptions,
} from '../event-store.port';
import { prepareRequest } from './postgres-append-batch';
import { assertLimits, GroupCommitter, type GroupLimits } from './postgres-group-commit';
import { NotificationListener } from './postgres-listener';
import { mapPostgresError, toIdempotencyRecord, toPosition, toStoredEvent, type EventRow, type IdempotencyRow } from './postgres-rows';
import { assertSchemaName, createSchema } from './postgres-schema';
import { statements, type Statements } from './postgres-statements';

export type PostgresEventStoreOptions = Readonly<{
  /** The schema holding `events` and `idempotency_keys`; created on start if missing. Default `public`. */
  schema?: string;
  /** The LISTEN/NOTIFY channel; default `event_store_<schema>` (at most 63 bytes). */
  channel?: string;
  /** Keep a dedicated connection LISTENing, so appends of other processes wake followers. Default true. */
  listen?: boolean;
  /** Overrides for the LISTEN connection (by default the pool's own settings). */
  listenerConfig?: ClientConfig;
  /** How long an append waits for the append lock (then `EventStoreUnavailable`). Default 5000 ms. */
  lockTimeoutMs?: number;
  /** Receives errors thrown by `onAppended` listeners (the append itself has succeeded). */
  onListenerError?: (error: unknown) => void;
  /** Receives connection errors that no caller sees: idle pool clients, the LISTEN connection. Default: ignored. */
  onConnectionError?: (error: unknown) => void;
  /**
   * Group commit: how many appends (default 256) and events (default 5000) at most share one
   * transaction. `maxAppends: 1` gives every append a transaction of its own.
   */
  groupCommit?: Partial<GroupLimits>;
  /**
   * Test seam only: awaited once per append transaction, after the rows of its group are
   * written and before COMMIT (with the appends that write something), so tests can hold
   * transactions open and commit them in any order.
   */
  beforeCommit?: (appends: readonly Readonly<{ streamId: string; events: readonly StoredEvent[] }>[]) => Promise<void>;
}>;

const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
const DEFAULT_GROUP_LIMITS: GroupLimits = { maxAppends: 256, maxEvents: 5_000 };

/**
 * The multi-node event store on PostgreSQL (`pg`). Global order: every append takes one
 * transaction-scoped advisory lock before it reads the last position, and holds it until
 * its COMMIT has made its events visible, so positions become visible strictly in order
 * and a reader reading "after my position" can never skip an event that commits late
 * (docs/event-store.md, "PostgreSQL"). Appends are serialised, but concurrent appends of
 * one process share a transaction and its COMMIT (group commit, `postgres-group-commit.ts`),
 * each still checked on its own. Reads take no lock.
 *
 * Give it a connection string or pool config (the store owns the pool and ends it on
 * close), or a `Pool` shared with other code (left open on close; its owner must handle the
 * pool's `error` event).
 */
export class PostgresEventStore implements EventStore {
  readonly schema: string;
  readonly channel: string;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly instanceId = randomUUID();
  private readonly listeners = new Set<(lastPosition: number) => void>();
  private readonly onListenerError: (error: unknown) => void;
  private readonly onConnectionError: (error: unknown) => void;
  private readonly notificationListener: NotificationListener | undefined;
  private readonly sql: Statements;
  private readonly committer: GroupCommitter;
  private starting: Promise<void> | undefined;
  private closed = false;

  /** Creates the store and its schema; rejects with `EventStoreUnavailable` if the database cannot be reached. */
  static async open(source: string | PoolConfig | Pool, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(source, options);
    try {
      await store.start();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  /** Connects lazily: `start()` (or the first call) creates the schema and starts listening. */
  constructor(source: string | PoolConfig | Pool, options: PostgresEventStoreOptions = {}) {
    this.schema = assertSchemaName(options.schema ?? 'public');
    const limits = { ...DEFAULT_GROUP_LIMITS, ...options.groupCommit };
    assertLimits(limits); // before the pool exists: nothing to clean up
    this.channel = options.channel ?? `event_store_${this.schema}`.slice(0, 63);
    if (Buffer.byteLength(this.channel) > 63) throw new RangeError('a NOTIFY channel name has at most 63 bytes');
    this.onListenerError =
      options.onListenerError ?? ((error) => process.emitWarning(error instanceof Error ? error : String(error)));
    this.onConnectionError = options.onConnectionError ?? (() => undefined);
    this.ownsPool = !(source instanceof Pool);
    if (source instanceof Pool) {
      this.pool = source;
    } else {
      const config = typeof source === 'string' ? { connectionString: source } : source;
      this.pool = createPool({ connectionTimeoutMillis: DEFAULT_CONNECTION_TIMEOUT_MS, ...config }, (error) => this.onConnectionError(error));
    }
    this.sql = statements(this.schema, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    this.committer = new GroupCommitter({
      connect: () => this.connectForAppend(),
      sql: this.sql,
      limits,
      notifyPayload: (position) => ({ channel: this.channel, payload: JSON.stringify({ source: this.instanceId, position }) }),
      onCommitted: (position) => this.notify(position),
      readRange: async (streamId, first, last) => (await this.pool.query<EventRow>(this.sql.range, [streamId, first, last])).rows.map(toStoredEvent),
      beforeCommit: options.beforeCommit,
    });
    if (options.listen ?? true) {
      this.notificationListener = new NotificationListener(
        { ...listenerConfigOf(this.pool), ...options.listenerConfig },
        this.channel,
        {
          onNotification: (payload) => this.onNotification(payload),
          onReconnected: () => void this.lastPosition().then((p) => this.notify(p), () => undefined),
          onError: (error) => this.onConnectionError(error),
        },
      );
    }
  }

  /** Creates the schema (idempotent) and starts the LISTEN connection; called by `open` and lazily. */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new EventStoreUnavailable('the PostgreSQL event store is closed'));
    this.starting ??= this.createSchemaAndListen().catch((error: unknown) => {
      this.starting = undefined; // try again on the next call
      throw mapPostgresError(error, 'cannot start the PostgreSQL event store');
    });
    return this.starting;
  }

  private async createSchemaAndListen(): Promise<void> {
    await withClient(this.pool, (client) => createSchema(client, this.schema));
    // Never throws: if it cannot connect now, it keeps retrying in the background.
    await this.notificationListener?.start();
  }

  /**
   * Queues the append for the next group transaction; resolves once that transaction has
   * committed (and listeners have heard of it), or rejects with this append's own error.
   */
  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) throw new EventStoreUnavailable('the PostgreSQL event store is closed');
    // Serialised and checked first: unserialisable data or U+0000 fails here, alone, before it joins a group.
    return this.committer.append(prepareRequest(streamId, events, options));
  }

  async findIdempotent(key: string): Promise<IdempotencyRecord | undefined> {
    const rows = await this.query<{ claimed: IdempotencyRow }>(this.sql.key, [key]);
    return rows[0] && toIdempotencyRecord(rows[0].claimed);
  }

  async readStream(streamId: string): Promise<readonly StoredEvent[]> {
    return (await this.query<EventRow>(this.sql.stream, [streamId])).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<readonly StoredEvent[]> {
    const limit = options.limit ?? 1000;
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    return (await this.query<EventRow>(this.sql.all, [options.fromPosition ?? 0, limit])).map(toStoredEvent);
  }

  async lastPosition(): Promise<number> {
    return toPosition((await this.query<{ position: string }>(this.sql.last, []))[0]?.position);
  }

  onAppended(listener: (lastPosition: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Appends accepted before close still get their answer: stored, or an error.
    await this.committer.drain();
    this.listeners.clear();
    await this.notificationListener?.stop();
    if (this.ownsPool) await this.pool.end().catch(() => undefined);
  }

  /** A client for an append transaction; also while `close` lets the appends accepted before it finish. */
  private async connectForAppend(): Promise<HeldClient> {
    await (this.starting ?? this.start());
    try {
      return await checkout(this.pool);
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  private async query<R extends object>(text: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new EventStoreUnavailable('the PostgreSQL event store is closed');
    await this.start();
    try {
      return (await this.pool.query<R & Record<string, unknown>>(text, values)).rows;
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  private onNotification(payload: string): void {
    let message: { source?: unknown; position?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    // Our own appends were announced right after their COMMIT already.
    if (message.source === this.instanceId || typeof message.position !== 'number') return;
    this.notify(message.position);
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
}

/** The pool's connection settings for the LISTEN connection (pg-pool hides the password from enumeration). */
const listenerConfigOf = (pool: Pool): ClientConfig => {
  const options = pool.options as PoolConfig;
  return {
    ...options,
    password: options.password,
    application_name: `${options.application_name ?? 'event-store'}:listen`,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: options.connectionTimeoutMillis || DEFAULT_CONNECTION_TIMEOUT_MS,
  };
};
