/** Injection token of the feed the wiring chose for this process (see feedForBus). */
export const PROJECTOR_FEED = Symbol('PROJECTOR_FEED');

/** Where a feed's warnings and errors go: a Nest Logger in the apps. */
export type FeedLog = Readonly<{ warn: (message: string) => void; error: (message: string) => void }>;

/**
 * How events reach the read models in this process: following the store here, inside the
 * SQLite writer thread, or as a member of the Kafka consumer group. The ProjectorService
 * starts one and stops it; the projection itself is always the ProjectionRunner.
 */
export type ProjectorFeed = Readonly<{
  /** The logger's context for this feed's lines. */
  name: string;
  /** Starts projecting; resolves with the line that says where from, for the log. */
  start: (log: FeedLog) => Promise<string>;
  stop: () => Promise<void>;
}>;
