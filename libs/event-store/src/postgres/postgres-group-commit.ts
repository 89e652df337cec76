import type { QueryResult } from 'pg';
import type { HeldClient } from '@poc/postgres';
import type { StoredEvent } from '@poc/domain';
import type { AppendResult } from '../event-store.port';
import { decideGroup, toGroupHead, type AppendRequest, type DecidedGroup, type HeadRow } from './postgres-append-batch';
import { isUnavailable, mapPostgresError, toPosition, type IdempotencyRow } from './postgres-rows';
import type { Statements } from './postgres-statements';

export type GroupLimits = Readonly<{
  /** At most this many appends share one transaction. */
  maxAppends: number;
  /** And at most this many events (an append larger than that still goes, alone). */
  maxEvents: number;
}>;

export const assertLimits = ({ maxAppends, maxEvents }: GroupLimits): void => {
  if (!(Number.isSafeInteger(maxAppends) && maxAppends >= 1 && Number.isSafeInteger(maxEvents) && maxEvents >= 1)) {
    throw new RangeError(`groupCommit limits must be positive integers, got maxAppends ${maxAppends}, maxEvents ${maxEvents}`);
  }
};

export type GroupCommitDeps = Readonly<{
  /** A held pool client; rejects with `EventStoreUnavailable` when none can be had. */
  connect: () => Promise<HeldClient>;
  sql: Statements;
  limits: GroupLimits;
  /** The NOTIFY payload announcing a group's last position to other processes. */
  notifyPayload: (lastPosition: number) => Readonly<{ channel: string; payload: string }>;
  /** Called right after a COMMIT that stored events, before any append of the group resolves. */
  onCommitted: (lastPosition: number) => void;
  /** The events an earlier append stored at these positions (for an idempotent replay). */
  readRange: (streamId: string, first: number, last: number) => Promise<StoredEvent[]>;
  beforeCommit?: (appends: readonly Readonly<{ streamId: string; events: readonly StoredEvent[] }>[]) => Promise<void>;
}>;

type Pending = {
  readonly request: AppendRequest;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
  /** Retried alone because the group it was in failed for a reason that may be its own. */
  alone: boolean;
};

const NOTHING_STORED = 'PostgreSQL event store unavailable (nothing was stored)';
const MAYBE_STORED =
  'PostgreSQL event store unavailable while committing (the append may or may not be stored: retry it with its idempotency key)';

/**
 * Group commit: appends queue up, and one transaction under the append lock stores a whole
 * group of them with one COMMIT (one WAL flush), each append still checked on its own
 * (`decideGroup`). A transaction takes its group (everything queued, within the limits) when
 * it starts, and sends BEGIN, the lock and the head read in one message. The next one starts
 * as soon as the previous has the lock, with what has queued up meanwhile, and waits on the
 * server: at most one transaction holds the lock and one waits for it, so the server goes
 * from one group to the next without waiting for the client. Groups commit in the order they
 * were taken, and the ordering argument of the single-append path is unchanged: the lock is
 * taken before the last position is read, and released only once the COMMIT is visible.
 */
export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private open = 0;
  private acquiring = false;
  private scheduled = false;
  private readonly drained: (() => void)[] = [];

  constructor(private readonly deps: GroupCommitDeps) {
    assertLimits(deps.limits);
  }

  append(request: AppendRequest): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject, alone: false });
      this.schedule();
    });
  }

  /** Resolves once every append queued so far has been settled. */
  drain(): Promise<void> {
    if (this.open === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the current I/O callbacks and their microtasks: appends made in the same turn
    // (for instance by writers whose previous appends were just answered) join one group.
    setImmediate(() => {
      this.scheduled = false;
      this.startNext();
    });
  }

  /** Starts a transaction unless one is already waiting for the lock. */
  private startNext(): void {
    if (this.acquiring || this.queue.length === 0) return;
    this.open++;
    this.acquiring = true;
    void this.transaction(this.take()).finally(() => {
      this.open--;
      this.schedule();
      if (this.open === 0 && this.queue.length === 0) for (const done of this.drained.splice(0)) done();
    });
  }

  /** The next group: a run of queued appends within the limits, or one append to retry alone. */
  private take(): Pending[] {
    const first = this.queue[0];
    if (!first || first.alone) return this.queue.splice(0, 1);
    let events = 0;
    let n = 0;
    for (const p of this.queue) {
      if (p.alone || n >= this.deps.limits.maxAppends) break;
      if (n > 0 && events + p.request.events.length > this.deps.limits.maxEvents) break;
      events += p.request.events.length;
      n++;
    }
    return this.queue.splice(0, n);
  }

  private async transaction(group: Pending[]): Promise<void> {
    let held: HeldClient | undefined;
    let waiting = true;
    let committing = false;
    // This transaction has the lock (or gave up waiting): the next one may start waiting.
    const lockWaitOver = (): void => {
      if (!waiting) return;
      waiting = false;
      this.acquiring = false;
      this.startNext();
    };
    let decided: DecidedGroup;
    try {
      // Held: a connection lost meanwhile is handled (the pending query rejects with it anyway).
      held = await this.deps.connect();
      const { client } = held;
      const { sql, beforeCommit } = this.deps;
      const streams = [...new Set(group.map((p) => p.request.streamId))];
      const keys = [...new Set(group.flatMap((p) => (p.request.options.idempotency ? [p.request.options.idempotency.key] : [])))];
      const head = last(await client.query(`${sql.lock};\n${sql.heads(streams, keys)}`));
      lockWaitOver();
      decided = decideGroup(group.map((p) => p.request), toGroupHead(head, streams), () => new Date().toISOString());
      const write = decided.appends.length > 0 ? this.writeOf(decided) : undefined;
      if (write && beforeCommit) {
        await client.query(write);
        await beforeCommit(decided.appends);
        committing = true;
        await client.query('COMMIT');
      } else {
        committing = write !== undefined;
        await client.query(write ? `${write};\nCOMMIT` : 'COMMIT');
      }
    } catch (error) {
      // Nothing was stored, and the cause may be one append's data (a value PostgreSQL
      // refuses): every append of the group is retried alone, so that only that one fails.
      // At the front of the queue: ahead of every append not yet taken by a transaction.
      const retryAlone = !isUnavailable(error) && group.length > 1;
      if (retryAlone) this.queue.unshift(...group.map((p) => ({ ...p, alone: true })));
      lockWaitOver();
      if (held) await rollback(held);
      if (retryAlone) return;
      const mapped = mapPostgresError(error, committing ? MAYBE_STORED : NOTHING_STORED);
      for (const p of group) p.reject(mapped);
      return;
    }
    held.release();
    // Committed and visible: only now may listeners hear of it, and callers be answered.
    if (decided.eventRows.length > 0) this.deps.onCommitted(decided.lastPosition);
    await this.settle(group, decided);
  }

  private writeOf(decided: DecidedGroup): string {
    return this.deps.sql.write({
      eventRows: decided.eventRows,
      claimRows: decided.claimRows,
      ...(decided.eventRows.length > 0 && { notify: this.deps.notifyPayload(decided.lastPosition) }),
    });
  }

  /** Committed: every append gets its own outcome. Replays read what their first request stored. */
  private async settle(group: readonly Pending[], decided: DecidedGroup): Promise<void> {
    const replays: Promise<void>[] = [];
    decided.decisions.forEach((decision, i) => {
      const p = group[i]!;
      if (decision.kind === 'refused') p.reject(decision.error);
      else if (decision.kind !== 'replay') p.resolve(decision.result);
      else replays.push(this.replay(p, decision.claim));
    });
    await Promise.all(replays);
  }

  private async replay(p: Pending, claim: IdempotencyRow): Promise<void> {
    const { streamId } = p.request;
    try {
      const events =
        claim.first_position === null ? [] : await this.deps.readRange(streamId, claim.first_position, claim.last_position);
      p.resolve({ streamId, nextVersion: claim.next_version, lastPosition: toPosition(claim.last_position), events, replayed: true });
    } catch (error) {
      p.reject(mapPostgresError(error));
    }
  }
}

/** Several statements in one message: pg resolves with one result per statement; the head row is the last. */
const last = (results: QueryResult | QueryResult[]): HeadRow => {
  const all = Array.isArray(results) ? results : [results];
  return all[all.length - 1]!.rows[0] as HeadRow;
};

const rollback = async (held: HeldClient): Promise<void> =>
  held.client.query('ROLLBACK').then(
    () => held.release(),
    // The connection is broken: the server rolls back on its side; the pool drops the client.
    (error: unknown) => held.release(error ?? new Error('ROLLBACK failed')),
  );
