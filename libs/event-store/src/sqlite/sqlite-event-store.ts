import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
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
import { mapSqliteError, toStoredEvent } from './sqlite-rows';
import { configureConnection, createSchema, DEFAULT_BUSY_TIMEOUT_MS, readSettings, type SqliteSettings } from './sqlite-schema';
import { openFile, prepareStatements, type Statements } from './sqlite-statements';
import { sqliteReads, type SqliteReads } from './sqlite-reads';
import { SqliteGroupCommit, type AppendCall, type GroupLimits, type Outcome } from './sqlite-group-commit';

export type { SqliteSettings } from './sqlite-schema';

export type SqliteEventStoreOptions = Readonly<{
  /** How long a writer waits for another connection's write lock before giving up. */
  busyTimeoutMs?: number;
  /**
   * Group commit: how many appends (default 256) and events (default 5000) at most share one
   * transaction. `maxAppends: 1` gives every append a transaction (and an fsync) of its own.
   */
  groupCommit?: Partial<GroupLimits>;
  /** Receives errors thrown by `onAppended` listeners (the append itself has succeeded). */
  onListenerError?: (error: unknown) => void;
}>;

/**
 * The embedded event store: one SQLite file (WAL, synchronous=FULL). Give it a path, or a
 * `Database` handle shared with the read models in the same file (the store then leaves
 * closing the handle to its owner). Appends made in the same turn of the event loop share
 * one transaction and one fsync (group commit), each in a savepoint of its own.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly ownsDb: boolean;
  private readonly listeners = new Set<(lastPosition: number) => void>();
  private readonly onListenerError: (error: unknown) => void;
  private closed = false;
  private readonly sql: Statements;
  private readonly reads: SqliteReads;
  private readonly groups: SqliteGroupCommit;
  private readonly groupTx: (group: readonly AppendCall[]) => Outcome[];

  constructor(source: string | Database.Database, options: SqliteEventStoreOptions = {}) {
    this.ownsDb = typeof source === 'string';
    this.onListenerError =
      options.onListenerError ?? ((error) => process.emitWarning(error instanceof Error ? error : String(error)));
    let db: Database.Database | undefined;
    try {
      db = typeof source === 'string' ? openFile(source) : source;
      configureConnection(db, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
      createSchema(db);
      this.sql = prepareStatements(db);
      this.reads = sqliteReads(this.sql, <T>(work: () => T): T => this.guard(work));
      this.db = db;
      this.groupTx = this.groupTransaction(db);
      this.groups = new SqliteGroupCommit((group) => this.guard(() => this.commitGroup(group)), {
        maxAppends: 256,
        maxEvents: 5_000,
        ...options.groupCommit,
      });
    } catch (error) {
      if (this.ownsDb && db?.open) db.close();
      throw mapSqliteError(error);
    }
  }

  /**
   * One BEGIN IMMEDIATE for a group. A lone append needs no savepoint: its failure rolls the
   * whole transaction back. In a group, each append runs in a savepoint, and a failed one
   * rolls back to it alone, unless SQLite itself ended the transaction (disk full, I/O
   * error): then the whole group fails and nothing of it is stored.
   */
  private groupTransaction(db: Database.Database): (group: readonly AppendCall[]) => Outcome[] {
    const inSavepoint = db.transaction(this.appendTx);
    return db.transaction((group: readonly AppendCall[]): Outcome[] =>
      group.length === 1
        ? [{ result: this.appendTx(group[0]!.streamId, group[0]!.events, group[0]!.options) }]
        : group.map((call) => {
            try {
              return { result: inSavepoint(call.streamId, call.events, call.options) };
            } catch (error) {
              if (!db.inTransaction) throw error;
              return { error: mapSqliteError(error) };
            }
          }),
    ).immediate;
  }

  private readonly appendTx = (streamId: string, events: readonly EventToAppend[], options: AppendOptions): AppendResult => {
    const claim = options.idempotency;
    const claimed = claim ? this.sql.key.get(claim.key) : undefined;
    if (claim && claimed) {
      if (claimed.request_hash !== claim.requestHash || claimed.stream_id !== streamId) throw new IdempotencyKeyReused(claim.key);
      const stored = claimed.first_position === null ? [] : this.sql.range.all(streamId, claimed.first_position, claimed.last_position);
      const replayed = stored.map(toStoredEvent);
      return { streamId, nextVersion: claimed.next_version, lastPosition: claimed.last_position, events: replayed, replayed: true };
    }
    const head = this.sql.head.get(streamId) ?? { version: 0, position: 0 };
    assertExpectedVersion(streamId, options.expectedVersion ?? 'any', head.version);
    const recordedAt = options.recordedAt ?? new Date().toISOString();
    const stored: StoredEvent[] = events.map((event, i) => {
      const row = {
        id: randomUUID(),
        stream_id: streamId,
        stream_version: head.version + i + 1,
        type: event.type,
        schema_version: event.schemaVersion ?? 1,
        occurred_at: event.occurredAt,
        recorded_at: recordedAt,
        data: JSON.stringify(event.data ?? null),
        metadata: JSON.stringify(event.metadata),
      };
      const { lastInsertRowid } = this.sql.insert.run(row);
      return toStoredEvent({ ...row, position: Number(lastInsertRowid) });
    });
    const nextVersion = head.version + events.length;
    const lastPosition = stored.length > 0 ? stored[stored.length - 1]!.position : head.position;
    if (claim) {
      this.sql.claim.run({
        key: claim.key,
        request_hash: claim.requestHash,
        stream_id: streamId,
        first_position: stored.length > 0 ? stored[0]!.position : null,
        last_position: lastPosition,
        next_version: nextVersion,
        created_at: recordedAt,
      });
    }
    return { streamId, nextVersion, lastPosition, events: stored, replayed: false };
  };

  /** Queued for the group transaction run right after this turn; resolves once it is committed (fsynced). */
  async append(streamId: string, events: readonly EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    this.guard(() => this.assertNotInTransaction());
    return this.groups.append({ streamId, events, options });
  }

  private commitGroup(group: readonly AppendCall[]): Outcome[] {
    // Checked again: the owner of a shared handle may have begun a transaction since the call.
    this.assertNotInTransaction();
    const outcomes = this.groupTx(group);
    // Committed (and fsynced) by now: only then may listeners hear about it, once per group.
    const written = outcomes.flatMap((o) => (o.result && !o.result.replayed && o.result.events.length > 0 ? [o.result.lastPosition] : []));
    if (written.length > 0) this.notify(Math.max(...written));
    return outcomes;
  }

  private assertNotInTransaction(): void {
    if (this.db.inTransaction) throw new Error('SqliteEventStore.append cannot run inside an open transaction');
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

  /** The connection's durability settings, as SQLite reports them. */
  settings(): SqliteSettings {
    return this.guard(() => readSettings(this.db));
  }

  async close(): Promise<void> {
    // Appends accepted before close are still committed (or refused), not dropped.
    if (!this.closed && this.db.open) this.groups.flush();
    this.closed = true;
    this.listeners.clear();
    if (this.ownsDb && this.db.open) this.db.close();
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

  private guard<T>(work: () => T): T {
    if (this.closed || !this.db.open) throw new EventStoreUnavailable('the SQLite event store is closed');
    try {
      return work();
    } catch (error) {
      throw mapSqliteError(error);
    }
  }
}
