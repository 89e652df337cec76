import type { FindQuery } from '../read-model-store.port';
import { between, shaped, type Page } from '../read-queries';

export type FlightFilter = Readonly<{
  /** dispatchedAt bounds, inclusive, as ISO times. */
  dispatchedFrom?: string;
  dispatchedTo?: string;
  /** takeOffAt bounds, inclusive, as ISO times: the flights whose hours fall in a period. */
  takeOffFrom?: string;
  takeOffTo?: string;
}>;

/** By dispatchedAt, or by takeOffAt. */
export type FlightOrder = 'dispatched' | 'take-off';

const ORDERS = { dispatched: [{ column: 'dispatched_at' }], 'take-off': [{ column: 'take_off_at' }, { column: 'key' }] } as const;

export const flightsQuery = (filter: FlightFilter, options: Page & Readonly<{ order?: FlightOrder }> = {}): FindQuery =>
  shaped(
    [...between('dispatched_at', filter.dispatchedFrom, filter.dispatchedTo), ...between('take_off_at', filter.takeOffFrom, filter.takeOffTo)],
    options.order && ORDERS[options.order],
    options,
  );
