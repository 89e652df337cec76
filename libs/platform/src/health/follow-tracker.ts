/** What the read side looks like against the store at one moment. */
export type FollowVerdict = Readonly<{ lag: number; applied: number; stalledForMs: number; following: boolean }>;

/**
 * Whether read models still follow the store: behind is fine while they move (a burst of
 * writes, a projector catching up after a restart); behind and not moving for `stallMs` means
 * nothing applies events any more (every projector dead, the relay or the broker gone), and
 * the screens built on them are frozen. Pure: the caller brings the clock and the positions.
 */
export class FollowTracker {
  /** The applied position last seen, and since when it was seen behind without moving. */
  private last?: { applied: number; since: number; behind: boolean };

  constructor(readonly stallMs: number) {}

  observe(now: number, head: number, applied: number): FollowVerdict {
    const lag = Math.max(0, head - applied);
    // The clock starts when the read models are first seen behind at this position.
    if (!this.last || applied !== this.last.applied || lag === 0 || !this.last.behind) this.last = { applied, since: now, behind: lag > 0 };
    const stalledForMs = lag === 0 ? 0 : now - this.last.since;
    return { lag, applied, stalledForMs, following: stalledForMs < this.stallMs };
  }
}
