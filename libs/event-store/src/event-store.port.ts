import type { EventMetadata, StoredEvent } from '@poc/domain';

/** `no-stream`: the stream must not exist yet; a number: its current version must be exactly that. */
export type ExpectedVersion = 'any' | 'no-stream' | number;

export type EventToAppend = Readonly<{
  type: string;
  data: unknown;
  occurredAt: string;
  /**
   * The schema version of `data` (docs/schema-evolution.md). A raw adapter records 1 when it
   * is not given; `upcasting(store)` records the type's current version.
   */
  schemaVersion?: number;
  metadata: EventMetadata;
}>;

/**
 * An idempotent append: the store keeps `key` → (requestHash, result) in the same
 * transaction as the events, so a retried request can never store twice.
 */
export type IdempotencyClaim = Readonly<{ key: string; requestHash: string }>;

export type AppendOptions = Readonly<{
  expectedVersion?: ExpectedVersion;
  idempotency?: IdempotencyClaim;
  /**
   * Only for importing history that was recorded elsewhere first (a paper log, the demo's
   * simulated clock): the store's own clock otherwise. Never reachable from HTTP.
   */
  recordedAt?: string;
}>;

export type AppendResult = Readonly<{
  streamId: string;
  /** The stream's version after the append (its current version when no event was given). */
  nextVersion: number;
  /**
   * Global position of the last appended event; when no event was given, the position of
   * the stream's last event (0 for a stream that does not exist).
   */
  lastPosition: number;
  /** The stored events; on a replay, the events the first request stored. */
  events: readonly StoredEvent[];
  /** True when an earlier request with the same idempotency key already stored these events. */
  replayed: boolean;
}>;

/** What the store remembers of an idempotent append, to answer a retried request. */
export type IdempotencyRecord = Readonly<{
  key: string;
  requestHash: string;
  streamId: string;
  /** The stream's version after the first request's append. */
  nextVersion: number;
  /** As `AppendResult.lastPosition` of the first request. */
  lastPosition: number;
  recordedAt: string;
}>;

/** `fromPosition` defaults to 0 (the beginning), `limit` to 1000. */
export type ReadAllOptions = Readonly<{ fromPosition?: number; limit?: number }>;

/** Injection token of the EventStore port (a plain symbol: no framework here). */
export const EVENT_STORE = Symbol('EVENT_STORE');

export interface EventStore {
  /**
   * Atomically appends all events or none; resolves only once they are durable.
   * With an idempotency claim whose key is already stored, nothing is appended and the
   * expected version is not checked again: the first result is returned with `replayed`
   * (same request hash) or `IdempotencyKeyReused` is thrown (different hash or stream).
   */
  append(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /**
   * The record of an earlier append made with this idempotency key, if any: lets a caller
   * answer a retried request before deciding again on a state that has moved on.
   */
  findIdempotent(key: string): Promise<IdempotencyRecord | undefined>;
  /** The stream's events, oldest first; empty when the stream does not exist. */
  readStream(streamId: string): Promise<readonly StoredEvent[]>;
  /** Events with position > fromPosition, in global order, at most `limit` of them. */
  readAll(options?: ReadAllOptions): Promise<readonly StoredEvent[]>;
  /** The highest position that readers may see (0 for an empty store). */
  lastPosition(): Promise<number>;
  /**
   * Calls `listener` with the new last position whenever events become visible (after the
   * commit, never before); returns the function that removes the listener.
   */
  onAppended(listener: (lastPosition: number) => void): () => void;
  close(): Promise<void>;
}

export class WrongExpectedVersion extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersion';
  }
}

export class IdempotencyKeyReused extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used with a different request`);
    this.name = 'IdempotencyKeyReused';
  }
}

/** The store cannot be reached or refused to persist: the caller must not claim success. */
export class EventStoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailable';
  }
}

/** Throws `WrongExpectedVersion` unless `actual` (the stream's current version, 0 when absent) satisfies `expected`. */
export const assertExpectedVersion = (streamId: string, expected: ExpectedVersion, actual: number): void => {
  if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(`expected version must be 'any', 'no-stream' or an integer >= 0, got ${expected}`);
  }
  if (expected === 'any') return;
  if (expected === 'no-stream' ? actual === 0 : actual === expected) return;
  throw new WrongExpectedVersion(streamId, expected, actual);
};
