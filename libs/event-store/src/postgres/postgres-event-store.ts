import { randomUUID } from 'node:crypto';
import { escapeLiteral, Pool, type ClientConfig, type PoolClient, type PoolConfig, type QueryResult } from 'pg';
import type { StoredEvent } from '@poc/domain';
import {
  assertExpectedVersion,
  EventStoreUnavailable,
  IdempotencyKeyReused,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type IdempotencyRecord,
  type ReadAllOptions,
} from '../event-store.port';
import { NotificationListener } from './postgres-listener';
import {
  EVENT_COLUMNS,
  mapPostgresError,
  toIdempotencyRecord,
  toPosition,
  toStoredEvent,
  type EventRow,
  type IdempotencyRow,
} from './postgres-rows';
import { appendLockKey, assertSchemaName, createSchema, LOCK_CLASS, quote } from './postgres-schema';

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
   * Test seam only: awaited inside the append transaction, after the events are written and
   * before COMMIT, so tests can hold transactions open and commit them in any order.
   */
  beforeCommit?: (append: Readonly<{ streamId: string; events: readonly StoredEvent[] }>) => Promise<void>;
}>;

const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;

/** An event ready to be written: serialised before any connection is taken. */
type PreparedEvent = Readonly<{
  id: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  data: unknown;
  metadata: StoredEvent['metadata'];
}>;

type AppendRequest = Readonly<{ streamId: string; events: readonly PreparedEvent[]; options: AppendOptions }>;

type HeadRow = Readonly<{
  version: number | null;
  stream_position: string | null;
  last_position: string;
  claimed: IdempotencyRow | null;
}>;

/**
 * The multi-node event store on PostgreSQL (`pg`). Global order: every append takes one
 * transaction-scoped advisory lock before it reads the last position, and holds it until
 * its COMMIT has made its events visible, so positions become visible strictly in order
 * and a reader reading "after my position" can never skip an event that commits late
 * (docs/event-store.md, "PostgreSQL"). Appends are serialised; reads are not.
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
  private readonly beforeCommit: PostgresEventStoreOptions['beforeCommit'];
  private readonly notificationListener: NotificationListener | undefined;
  private readonly sql: ReturnType<typeof statements>;
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
    this.channel = options.channel ?? `event_store_${this.schema}`.slice(0, 63);
    if (Buffer.byteLength(this.channel) > 63) throw new RangeError('a NOTIFY channel name has at most 63 bytes');
    this.onListenerError =
      options.onListenerError ?? ((error) => process.emitWarning(error instanceof Error ? error : String(error)));
    this.onConnectionError = options.onConnectionError ?? (() => undefined);
    this.beforeCommit = options.beforeCommit;
    this.ownsPool = !(source instanceof Pool);
    if (source instanceof Pool) {
      this.pool = source;
    } else {
      const config = typeof source === 'string' ? { connectionString: source } : source;
      this.pool = new Pool({ connectionTimeoutMillis: DEFAULT_CONNECTION_TIMEOUT_MS, ...config });
      // An idle client whose server went away emits 'error' on the pool: unhandled, it would crash the process.
      this.pool.on('error', (error) => this.onConnectionError(error));
    }
    this.sql = statements(this.schema, options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
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
    const client = await this.pool.connect();
    const ignore = (): void => undefined; // see appendPath
    client.on('error', ignore);
    try {
      await createSchema(client, this.schema);
      client.off('error', ignore);
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    // Never throws: if it cannot connect now, it keeps retrying in the background.
    await this.notificationListener?.start();
  }

  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    // Serialised first: unserialisable data fails before any connection is taken.
    const request: AppendRequest = { streamId, events: events.map(prepareEvent), options };
    const result = await this.appendPath(request);
    // Committed by now: only then may listeners hear about it.
    if (!result.replayed && result.events.length > 0) this.notify(result.lastPosition);
    return result;
  }

  /**
   * The whole write path, in one place (a later group commit replaces it). One transaction,
   * two round trips:
   *   1. BEGIN, take the append lock, then read the stream's head, the last position and the
   *      idempotency key (a statement after the lock: its snapshot sees every earlier append);
   *   2. insert the events, record the key, pg_notify, and COMMIT, in one message.
   * The lock is released by COMMIT only once the events are visible. Any failure rolls the
   * whole transaction back, so a failed append leaves nothing.
   */
  private async appendPath(request: AppendRequest): Promise<AppendResult> {
    const client = await this.connect();
    // A connection lost while checked out is also emitted as 'error' on the client:
    // unhandled, it would crash the process. The pending query rejects with it anyway.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    let committing = false;
    try {
      const readHead = this.sql.lockAndReadHead(request.streamId, request.options.idempotency?.key);
      // Several statements in one message: pg resolves with one result per statement.
      const results = (await client.query(readHead)) as unknown as QueryResult<HeadRow>[];
      const head = results[results.length - 1]!.rows[0]!;
      const { result, write } = await this.decide(client, request, head);
      if (this.beforeCommit && !result.replayed) {
        if (write) await client.query(write);
        await this.beforeCommit({ streamId: request.streamId, events: result.events });
        committing = true;
        await client.query('COMMIT');
      } else {
        committing = write !== undefined;
        await client.query(write ? `${write};\nCOMMIT` : 'COMMIT');
      }
      client.off('error', ignore);
      client.release();
      return result;
    } catch (error) {
      await client.query('ROLLBACK').then(
        () => {
          client.off('error', ignore);
          client.release();
        },
        // The connection is broken: the server rolls back on its side; the pool drops the client.
        (rollbackError: unknown) => client.release(rollbackError instanceof Error ? rollbackError : true),
      );
      throw mapPostgresError(
        error,
        committing
          ? 'PostgreSQL event store unavailable while committing (the append may or may not be stored: retry it with its idempotency key)'
          : 'PostgreSQL event store unavailable (nothing was stored)',
      );
    }
  }

  /** Under the lock: a replay, a refusal (thrown), or the events to write and the SQL that writes them. */
  private async decide(
    client: PoolClient,
    { streamId, events, options }: AppendRequest,
    head: HeadRow,
  ): Promise<{ result: AppendResult; write?: string }> {
    const claim = options.idempotency;
    if (claim && head.claimed) {
      const claimed = head.claimed;
      if (claimed.request_hash !== claim.requestHash || claimed.stream_id !== streamId) throw new IdempotencyKeyReused(claim.key);
      const stored =
        claimed.first_position === null
          ? []
          : (await client.query<EventRow>(this.sql.range, [streamId, claimed.first_position, claimed.last_position])).rows;
      const result = {
        streamId,
        nextVersion: claimed.next_version,
        lastPosition: toPosition(claimed.last_position),
        events: stored.map(toStoredEvent),
        replayed: true,
      };
      return { result };
    }
    const version = head.version ?? 0;
    assertExpectedVersion(streamId, options.expectedVersion ?? 'any', version);
    // Taken under the lock, so recordedAt follows the global order on one node's clock.
    const recordedAt = options.recordedAt ?? new Date().toISOString();
    const firstPosition = toPosition(head.last_position) + 1;
    const stored: StoredEvent[] = events.map((event, i) => ({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      streamVersion: version + i + 1,
      position: firstPosition + i,
      occurredAt: event.occurredAt,
      recordedAt,
      data: event.data,
      metadata: event.metadata,
    }));
    const nextVersion = version + events.length;
    const lastPosition = stored.length > 0 ? stored[stored.length - 1]!.position : toPosition(head.stream_position);
    const result = { streamId, nextVersion, lastPosition, events: stored, replayed: false };
    if (stored.length === 0 && !claim) return { result };
    const write = this.sql.write({
      events: stored.map((e) => ({
        position: e.position,
        id: e.id,
        stream_id: e.streamId,
        stream_version: e.streamVersion,
        type: e.type,
        schema_version: e.schemaVersion,
        occurred_at: e.occurredAt,
        recorded_at: e.recordedAt,
        data: e.data,
        metadata: e.metadata,
      })),
      claims: claim
        ? [
            {
              key: claim.key,
              request_hash: claim.requestHash,
              stream_id: streamId,
              first_position: stored.length > 0 ? firstPosition : null,
              last_position: lastPosition,
              next_version: nextVersion,
              created_at: recordedAt,
            },
          ]
        : [],
      ...(stored.length > 0 && {
        channel: this.channel,
        payload: JSON.stringify({ source: this.instanceId, position: lastPosition }),
      }),
    });
    return { result, write };
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
    this.listeners.clear();
    await this.notificationListener?.stop();
    if (this.ownsPool) await this.pool.end().catch(() => undefined);
  }

  private async connect(): Promise<PoolClient> {
    if (this.closed) throw new EventStoreUnavailable('the PostgreSQL event store is closed');
    await this.start();
    try {
      return await this.pool.connect();
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

const prepareEvent = (event: EventToAppend): PreparedEvent => {
  // A round trip through JSON: fails here on unserialisable data (a BigInt), and gives the
  // caller back exactly what a reader will get (a copy, not the caller's object).
  const dataJson = JSON.stringify(event.data ?? null);
  const metadataJson = JSON.stringify(event.metadata);
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    occurredAt: event.occurredAt,
    data: JSON.parse(dataJson) as unknown,
    metadata: JSON.parse(metadataJson) as StoredEvent['metadata'],
  };
};

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

/** What the write statement takes, as one JSON document (column names as keys). */
type WriteSpec = Readonly<{
  events: readonly Readonly<Record<keyof EventRow, unknown>>[];
  claims: readonly Readonly<Record<keyof IdempotencyRow, unknown>>[];
  channel?: string;
  payload?: string;
}>;

/**
 * SQL text for one schema, built once per store. The two statements of the append path are
 * sent with the simple query protocol, so that several statements travel in one message
 * (one round trip); their only input is ONE literal, a JSON document escaped with pg's
 * `escapeLiteral` (JSON.stringify leaves no raw control character in it), unpacked in SQL.
 */
const statements = (schema: string, lockTimeoutMs: number) => {
  const events = `${quote(schema)}.events`;
  const keys = `${quote(schema)}.idempotency_keys`;
  const timeout = Math.max(0, Math.trunc(lockTimeoutMs));
  const lock = `pg_advisory_xact_lock(${LOCK_CLASS}, ${appendLockKey(schema)})`;
  return {
    /**
     * BEGIN; bound the wait; take the append lock; then, in a statement of its own (so with a
     * snapshot taken after the lock), the stream's head, the global last position and the key.
     */
    lockAndReadHead: (streamId: string, key: string | undefined): string => {
      const input = `${escapeLiteral(JSON.stringify({ streamId, key: key ?? null }))}::jsonb`;
      return `BEGIN; SET LOCAL lock_timeout = ${timeout}; SELECT ${lock};
        SELECT h.stream_version AS version, h.position AS stream_position,
               (SELECT COALESCE(MAX(position), 0) FROM ${events}) AS last_position,
               (SELECT to_jsonb(k) FROM ${keys} k WHERE k.key = (${input} ->> 'key')) AS claimed
        FROM (SELECT 1) AS one
        LEFT JOIN LATERAL (
          SELECT stream_version, position FROM ${events}
          WHERE stream_id = (${input} ->> 'streamId') ORDER BY stream_version DESC LIMIT 1
        ) AS h ON true`;
    },
    /** The events, the idempotency key and the NOTIFY (delivered only if it commits), in one statement. */
    write: (spec: WriteSpec): string => `
      WITH input AS (SELECT ${escapeLiteral(JSON.stringify(spec))}::jsonb AS j),
      inserted AS (
        INSERT INTO ${events} (${EVENT_COLUMNS})
        SELECT e.position, e.id, e.stream_id, e.stream_version, e.type, e.schema_version, e.occurred_at, e.recorded_at,
               COALESCE(e.data, 'null'::jsonb), e.metadata
        FROM input, jsonb_to_recordset(input.j -> 'events') AS e(
          position bigint, id uuid, stream_id text, stream_version integer, type text, schema_version integer,
          occurred_at text, recorded_at text, data jsonb, metadata jsonb)
      ),
      claimed AS (
        INSERT INTO ${keys} (key, request_hash, stream_id, first_position, last_position, next_version, created_at)
        SELECT c.key, c.request_hash, c.stream_id, c.first_position, c.last_position, c.next_version, c.created_at
        FROM input, jsonb_to_recordset(input.j -> 'claims') AS c(
          key text, request_hash text, stream_id text, first_position bigint, last_position bigint, next_version integer,
          created_at text)
      )
      SELECT pg_notify(input.j ->> 'channel', input.j ->> 'payload') FROM input WHERE input.j ? 'payload'`,
    range: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream_id = $1 AND position BETWEEN $2 AND $3 ORDER BY position`,
    stream: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream_id = $1 ORDER BY stream_version`,
    all: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
    last: `SELECT COALESCE(MAX(position), 0) AS position FROM ${events}`,
    key: `SELECT to_jsonb(k) AS claimed FROM ${keys} k WHERE k.key = $1`,
  };
};
