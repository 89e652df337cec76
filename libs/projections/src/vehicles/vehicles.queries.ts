import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type VehicleFilter = Readonly<{
  contingent?: string;
  type?: string;
  /** The current status, written-off included. */
  status?: string;
  /** registeredAt bounds, inclusive, as ISO times. */
  registeredFrom?: string;
  registeredTo?: string;
}>;

/** By vehicle id (the normalised registration), or by registeredAt. */
export type VehicleOrder = 'registration' | 'registered';

const ORDERS = { registration: [{ column: 'key' }], registered: [{ column: 'registered_at' }, { column: 'key' }] } as const;

export const vehiclesQuery = (filter: VehicleFilter, options: Page & Readonly<{ order?: VehicleOrder }> = {}): FindQuery =>
  shaped(
    [
      ...equal('contingent', filter.contingent),
      ...equal('vehicle_type', filter.type),
      ...equal('status', filter.status),
      ...between('registered_at', filter.registeredFrom, filter.registeredTo),
    ],
    options.order && ORDERS[options.order],
    options,
  );

/**
 * Every vehicle that could be in the fleet at `until` (an ISO time): those registered by then,
 * written off or not — a write-off recorded after an as-of time still counts them in, so
 * fleetOn decides, not the query. No page: a figure is computed over all of them.
 */
export const fleetCandidatesQuery = (until: string): FindQuery => shaped(between('registered_at', undefined, until), ORDERS.registration);
