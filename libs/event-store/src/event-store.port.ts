import type { EventMetadata, StoredEvent } from '@poc/domain';

/** `no-stream`: the stream must not exist yet; a number: its current version must be exactly that. */
export type ExpectedVersion = 'any' | 'no-stream' | number;

export type EventToAppend = Readonly<{
  type: string;
  data: unknown;
  occurredAt: string;
  schemaVersion?: number;
  metadata: EventMetadata;
}>;

/**
 * An idempotent append: the store keeps `key` → (requestHash, result) in the same
 * transaction as the events, so a retried request can never store twice.
 */
export type IdempotencyClaim = Readonly<{ key: string; requestHash: string }>;

export type AppendOptions = Readonly<{ expectedVersion?: ExpectedVersion; idempotency?: IdempotencyClaim }>;

export type AppendResult = Readonly<{
  streamId: string;
  /** The stream's version after the append. */
  nextVersion: number;
  /** Global position of the last appended event. */
  lastPosition: number;
  events: readonly StoredEvent[];
  /** True when an earlier request with the same idempotency key already stored these events. */
  replayed: boolean;
}>;

export type ReadAllOptions = Readonly<{ fromPosition?: number; limit?: number }>;

export interface EventStore {
  /** Atomically appends all events or none; resolves only once they are durable. */
  append(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  /** The stream's events, oldest first; empty when the stream does not exist. */
  readStream(streamId: string): Promise<readonly StoredEvent[]>;
  /** Events with position > fromPosition, in global order, at most `limit` of them. */
  readAll(options?: ReadAllOptions): Promise<readonly StoredEvent[]>;
  /** The highest position that readers may see (0 for an empty store). */
  lastPosition(): Promise<number>;
  /** Calls `listener` with the new last position whenever events become visible. */
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
