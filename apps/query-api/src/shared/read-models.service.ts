import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Condition, FindQuery, Projection, ReadModelStore } from '@poc/projections';
import { APP_CONFIG, READ_MODEL_STORE, type AppConfig } from '@poc/platform';

export type Freshness = Readonly<{ position: number; stale: boolean }>;

/** Read access to the read models, with the bounded wait behind `?minPosition=`. */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async position(projections: readonly Projection[]): Promise<number> {
    const positions = await Promise.all(projections.map((p) => this.store.checkpoint(p.name)));
    return Math.min(...positions);
  }

  async waitFor(projections: readonly Projection[], minPosition: number | undefined): Promise<Freshness> {
    const deadline = Date.now() + this.config.MIN_POSITION_WAIT_MS;
    let position = await this.position(projections);
    while (minPosition !== undefined && position < minPosition && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      position = await this.position(projections);
    }
    return { position, stale: minPosition !== undefined && position < minPosition };
  }

  find<Doc>(projection: Projection<Doc>, query: FindQuery): Promise<Doc[]> {
    return this.store.find<Doc>(projection.collection, query);
  }

  async get<Doc>(projection: Projection<Doc>, key: string, what: string): Promise<Doc> {
    const [doc] = await this.store.find<Doc>(projection.collection, { where: [{ column: 'key', op: '=', value: key }], limit: 1 });
    if (!doc) throw new NotFoundException(`${what} ${key} not found`);
    return doc;
  }

  countBy(projection: Projection, groupBy: readonly string[], where: readonly Condition[]) {
    return this.store.countBy(projection.collection, groupBy, where);
  }
}
