import type { FindQuery } from '../read-model-store.port';
import { between, shaped } from '../read-queries';

export type SupplyDeliveryFilter = Readonly<{
  /** deliveredAt bounds, inclusive, as ISO times. */
  deliveredFrom?: string;
  deliveredTo?: string;
  /** Only the deliveries the store knew of by then. */
  recordedBy?: string;
}>;

/** The deliveries a report needs, in the order they were made. */
export const supplyDeliveriesQuery = (filter: SupplyDeliveryFilter): FindQuery =>
  shaped(
    [...between('delivered_at', filter.deliveredFrom, filter.deliveredTo), ...between('recorded_at', undefined, filter.recordedBy)],
    [{ column: 'delivered_at' }, { column: 'key' }],
  );
