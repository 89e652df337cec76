import type { FindQuery } from '../read-model-store.port';
import { between, shaped } from '../read-queries';

export type ReturnFilter = Readonly<{
  /** returnedAt bounds, inclusive, as ISO times. */
  returnedFrom?: string;
  returnedTo?: string;
  /** Only the returns the store knew of by then. */
  recordedBy?: string;
}>;

/** The returns a report needs, in the order they happened. */
export const returnsQuery = (filter: ReturnFilter): FindQuery =>
  shaped([...between('returned_at', filter.returnedFrom, filter.returnedTo), ...between('recorded_at', undefined, filter.recordedBy)], [{ column: 'returned_at' }, { column: 'key' }]);
