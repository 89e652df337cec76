import type { FindQuery } from '../read-model-store.port';
import { between, shaped } from '../read-queries';

export type FlightHourAllotmentFilter = Readonly<{
  /** Month bounds, inclusive, as YYYY-MM. */
  monthFrom?: string;
  monthTo?: string;
}>;

/** The allotments of the months from..to, oldest month first. */
export const flightHourAllotmentsQuery = (filter: FlightHourAllotmentFilter): FindQuery =>
  shaped(between('month', filter.monthFrom, filter.monthTo), [{ column: 'month' }]);
