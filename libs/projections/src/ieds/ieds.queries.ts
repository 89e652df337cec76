import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type IedFilter = Readonly<{
  /** detectedAt bounds, inclusive, as ISO times. */
  detectedFrom?: string;
  detectedTo?: string;
  cercle?: string;
  region?: string;
  status?: string;
}>;

/** By detectedAt. */
export type IedOrder = 'detected';

const ORDERS = { detected: [{ column: 'detected_at' }] } as const;

export const iedsQuery = (filter: IedFilter, options: Page & Readonly<{ order?: IedOrder }> = {}): FindQuery =>
  shaped(
    [...between('detected_at', filter.detectedFrom, filter.detectedTo), ...equal('cercle', filter.cercle), ...equal('region', filter.region), ...equal('status', filter.status)],
    options.order && ORDERS[options.order],
    options,
  );
