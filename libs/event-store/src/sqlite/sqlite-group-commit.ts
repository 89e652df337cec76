import type { AppendOptions, AppendResult, EventToAppend } from '../event-store.port';

export type AppendCall = Readonly<{ streamId: string; events: readonly EventToAppend[]; options: AppendOptions }>;

/** One append's outcome inside a committed group: its result, or its own error. */
export type Outcome = Readonly<{ result?: AppendResult; error?: unknown }>;

export type GroupLimits = Readonly<{
  /** At most this many appends share one transaction. */
  maxAppends: number;
  /** And at most this many events (an append larger than that still goes, alone). */
  maxEvents: number;
}>;

type Pending = AppendCall & Readonly<{ resolve: (result: AppendResult) => void; reject: (error: unknown) => void }>;

/**
 * Group commit for the SQLite store. better-sqlite3 is synchronous, so an append used to be
 * one transaction and one fsync, run on the spot, blocking the event loop. Now appends wait
 * for the end of the current turn of the event loop (`setImmediate`), and everything queued
 * by then is committed by `commit` in one transaction, one fsync for all of them. A single
 * writer pays one `setImmediate` more per append; concurrent writers share the fsync.
 */
export class SqliteGroupCommit {
  private readonly queue: Pending[] = [];
  private scheduled = false;

  /** `commit` runs one group in one transaction; it throws when the whole group failed. */
  constructor(
    private readonly commit: (group: readonly AppendCall[]) => Outcome[],
    private readonly limits: GroupLimits,
  ) {
    if (!(Number.isSafeInteger(limits.maxAppends) && limits.maxAppends >= 1 && Number.isSafeInteger(limits.maxEvents) && limits.maxEvents >= 1)) {
      throw new RangeError(`groupCommit limits must be positive integers, got maxAppends ${limits.maxAppends}, maxEvents ${limits.maxEvents}`);
    }
  }

  append(call: AppendCall): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...call, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  /** Commits everything queued, group after group, now. */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.groupSize());
      let outcomes: Outcome[];
      try {
        outcomes = this.commit(group);
      } catch (error) {
        for (const p of group) p.reject(error);
        continue;
      }
      group.forEach((p, i) => {
        const { result, error } = outcomes[i]!;
        if (result) p.resolve(result);
        else p.reject(error);
      });
    }
  }

  private groupSize(): number {
    let events = 0;
    let n = 0;
    for (const p of this.queue) {
      if (n >= this.limits.maxAppends || (n > 0 && events + p.events.length > this.limits.maxEvents)) break;
      events += p.events.length;
      n++;
    }
    return n;
  }
}
