import { EVENT_SCHEMAS, type EventSchemas, type StoredEvent } from '@poc/domain';
import type { AppendOptions, AppendResult, EventStore, EventToAppend, IdempotencyRecord, ReadAllOptions } from './event-store.port';

/**
 * Schema evolution, once for every adapter (docs/schema-evolution.md). Wraps a raw store:
 *
 * - every read path returns events at their type's current schema version: `readStream`,
 *   `readAll` (so `followAll`, the projections and the relay), and the events of an append's
 *   result, including those of a replayed idempotent append;
 * - an append records each event's schema version: the one given, else the type's current
 *   one; a version this code could not read back is refused before anything is stored.
 *
 * Stored rows are never rewritten: upcasting happens on the copy being returned. Compose it
 * where a store is opened (`openInfrastructure`); a raw adapter shows events as stored.
 */
export class UpcastingEventStore implements EventStore {
  constructor(
    /** The adapter, reading and writing rows as they are stored. */
    readonly raw: EventStore,
    private readonly schemas: Pick<EventSchemas, 'upcast' | 'currentVersion' | 'assertReadable'> = EVENT_SCHEMAS,
  ) {}

  async append(streamId: string, events: readonly EventToAppend[], options?: AppendOptions): Promise<AppendResult> {
    const versioned = events.map((event) => {
      const schemaVersion = event.schemaVersion ?? this.schemas.currentVersion(event.type);
      this.schemas.assertReadable(event.type, schemaVersion);
      return event.schemaVersion === schemaVersion ? event : { ...event, schemaVersion };
    });
    const result = await this.raw.append(streamId, versioned, options);
    return { ...result, events: this.upcastAll(result.events) };
  }

  findIdempotent(key: string): Promise<IdempotencyRecord | undefined> {
    return this.raw.findIdempotent(key);
  }

  async readStream(streamId: string): Promise<readonly StoredEvent[]> {
    return this.upcastAll(await this.raw.readStream(streamId));
  }

  async readAll(options?: ReadAllOptions): Promise<readonly StoredEvent[]> {
    return this.upcastAll(await this.raw.readAll(options));
  }

  lastPosition(): Promise<number> {
    return this.raw.lastPosition();
  }

  onAppended(listener: (lastPosition: number) => void): () => void {
    return this.raw.onAppended(listener);
  }

  close(): Promise<void> {
    return this.raw.close();
  }

  private upcastAll(events: readonly StoredEvent[]): readonly StoredEvent[] {
    return events.map((event) => this.schemas.upcast(event));
  }
}

/** `store`, reading every event at its current schema version (the domain's `EVENT_SCHEMAS` unless given). */
export const upcasting = (store: EventStore, schemas?: Pick<EventSchemas, 'upcast' | 'currentVersion' | 'assertReadable'>): EventStore =>
  new UpcastingEventStore(store, schemas);
