import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type BaseFilter = Readonly<{
  /** establishedAt bounds, inclusive, as ISO times. */
  establishedFrom?: string;
  establishedTo?: string;
  cercle?: string;
}>;

/** By establishedAt. */
export type BaseOrder = 'established';

const ORDERS = { established: [{ column: 'established_at' }] } as const;

export const basesQuery = (filter: BaseFilter, options: Page & Readonly<{ order?: BaseOrder }> = {}): FindQuery =>
  shaped([...between('established_at', filter.establishedFrom, filter.establishedTo), ...equal('cercle', filter.cercle)], options.order && ORDERS[options.order], options);
