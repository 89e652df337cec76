import type { FindQuery } from '../read-model-store.port';
import { between, shaped, type Page } from '../read-queries';

export type FlightFilter = Readonly<{
  /** dispatchedAt bounds, inclusive, as ISO times. */
  dispatchedFrom?: string;
  dispatchedTo?: string;
}>;

/** By dispatchedAt. */
export type FlightOrder = 'dispatched';

const ORDERS = { dispatched: [{ column: 'dispatched_at' }] } as const;

export const flightsQuery = (filter: FlightFilter, options: Page & Readonly<{ order?: FlightOrder }> = {}): FindQuery =>
  shaped(between('dispatched_at', filter.dispatchedFrom, filter.dispatchedTo), options.order && ORDERS[options.order], options);
