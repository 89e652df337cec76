import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { StoredEvent } from '@poc/domain';
import { type EventStore, EVENT_STORE } from '@poc/event-store';
import { byKey, countRows, handlesEvent, type ColumnValue, type CountQuery, type FindQuery, type Projection, type ReadModelStore, READ_MODEL_STORE } from '@poc/projections';
import { APP_CONFIG, type AppConfig } from '@poc/platform/config';

export type Freshness = Readonly<{ position: number; stale: boolean }>;

const POLL_MS = 10;

/** Read access to the read models, with the bounded wait behind `?minPosition=`. */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async position(projections: readonly Projection[]): Promise<number> {
    const positions = await Promise.all(projections.map((p) => this.store.checkpoint(p.name)));
    return Math.min(...positions);
  }

  /**
   * Waits until the event at `minPosition` has taken effect in these read models. Embedded,
   * events are applied in global order, so every earlier event has too. With Kafka,
   * partitions are applied in any order: a checkpoint past N proves nothing, so only the
   * write at N (and the earlier events of its stream) is guaranteed — see docs/architecture.md.
   */
  async waitFor(projections: readonly Projection[], minPosition: number | undefined): Promise<Freshness> {
    if (minPosition === undefined || minPosition === 0) return { position: await this.position(projections), stale: false };
    const deadline = Date.now() + this.config.MIN_POSITION_WAIT_MS;
    for (;;) {
      const applied =
        (await this.hasApplied(projections, minPosition)) &&
        (this.config.BUS === 'kafka' || (await this.position(projections)) >= minPosition);
      if (applied || Date.now() >= deadline) return { position: await this.position(projections), stale: !applied };
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async hasApplied(projections: readonly Projection[], position: number): Promise<boolean> {
    const [event] = (await this.events.readAll({ fromPosition: position - 1, limit: 1 })) as StoredEvent[];
    if (!event || event.position !== position) return false;
    for (const projection of projections.filter((p) => handlesEvent(p, event))) {
      const versions = await this.store.appliedVersions(projection.name, [event.streamId]);
      if ((versions.get(event.streamId) ?? 0) < event.streamVersion) return false;
    }
    return true;
  }

  find<Doc>(projection: Projection<Doc>, query: FindQuery): Promise<Doc[]> {
    return this.store.find<Doc>(projection.collection, query);
  }

  /** Columns, not documents (ReadModelStore.findRows). */
  findRows(projection: Projection, columns: readonly string[], query: FindQuery): Promise<ColumnValue[][]> {
    return this.store.findRows(projection.collection, columns, query);
  }

  async get<Doc>(projection: Projection<Doc>, key: string, what: string): Promise<Doc> {
    const [doc] = await this.store.find<Doc>(projection.collection, byKey(key));
    if (!doc) throw new NotFoundException(`${what} ${key} not found`);
    return doc;
  }

  /** A grouped count (the typed queries of @poc/projections build them), its rows read. */
  count<Row>(projection: Projection, query: CountQuery<Row>): Promise<Row[]> {
    return countRows(this.store, projection.collection, query);
  }
}
