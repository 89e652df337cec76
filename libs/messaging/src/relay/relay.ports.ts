/** Where the relay remembers the last position the broker acknowledged. */
export interface RelayCheckpoints {
  load(): Promise<number>;
  save(position: number): Promise<void>;
}

/** Only one relay publishes at a time; a second waits and takes over when the first dies. */
export interface RelayLease {
  /** Resolves once this instance holds the lease. */
  acquire(): Promise<void>;
  /** Resolves (with the reason) if the lease is lost: the relay must stop publishing. */
  readonly lost: Promise<string>;
  release(): Promise<void>;
}
