import { currentSchemaVersion, fold, type Command, type Decider, type DomainEvent, type EventMetadata } from '@poc/domain';
import type { AppendResult, EventStore, IdempotencyClaim } from './event-store.port';
import { WrongExpectedVersion } from './event-store.port';

export type HandleOptions = Readonly<{
  metadata: EventMetadata;
  /** The version the client last saw (If-Match); without it, a lost race is decided again. */
  ifMatch?: number;
  idempotency?: IdempotencyClaim;
  recordedAt?: string;
  /**
   * The caller has just minted the stream's id (a fresh uuid), so the stream is new: the first
   * attempt decides on the initial state and appends with `no-stream` without reading it. On
   * ingestion that is one read (a PostgreSQL round trip) less per write; should the stream
   * exist after all, the append is refused and the usual read-decide-append loop takes over.
   */
  newStream?: boolean;
}>;

const MAX_ATTEMPTS = 3;

/**
 * Emmett's command handling: read the stream, fold, decide, append at the version that
 * was read. The domain stays pure; this is the only place a decision meets the store.
 * `store` must read events at their current schema version (`upcasting(adapter)`, as the
 * composition root gives it): the decider folds only current shapes.
 */
export const handleCommand = async <S, C extends Command, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<S, C, E>,
  streamId: string,
  command: C,
  options: HandleOptions,
): Promise<AppendResult> => {
  for (let attempt = 1; ; attempt++) {
    const history = attempt === 1 && options.newStream ? [] : await store.readStream(streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1]!.streamVersion;
    if (options.ifMatch !== undefined && options.ifMatch !== version) throw new WrongExpectedVersion(streamId, options.ifMatch, version);
    const events = decider.decide(command, fold(decider, history as unknown as E[]));
    try {
      return await store.append(
        streamId,
        // Deciders emit each type's current shape: record that version (AlertReceived: 3).
        events.map((e) => ({
          type: e.type,
          data: e.data,
          occurredAt: e.occurredAt,
          schemaVersion: currentSchemaVersion(e.type),
          metadata: options.metadata,
        })),
        {
          expectedVersion: version === 0 ? 'no-stream' : version,
          ...(options.idempotency && { idempotency: options.idempotency }),
          ...(options.recordedAt && { recordedAt: options.recordedAt }),
        },
      );
    } catch (error) {
      const retry = error instanceof WrongExpectedVersion && options.ifMatch === undefined && attempt < MAX_ATTEMPTS;
      if (!retry) throw error;
    }
  }
};
