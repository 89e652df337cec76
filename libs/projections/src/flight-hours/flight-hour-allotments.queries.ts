import type { FindQuery } from '../read-model-store.port';
import { monthOf } from '../statistics/months';
import { between, shaped } from '../read-queries';

export type FlightHourAllotmentFilter = Readonly<{
  /** Month bounds, inclusive, as YYYY-MM. */
  monthFrom?: string;
  monthTo?: string;
}>;

/** The allotments of the months from..to, oldest month first. */
export const flightHourAllotmentsQuery = (filter: FlightHourAllotmentFilter): FindQuery =>
  shaped(between('month', filter.monthFrom, filter.monthTo), [{ column: 'month' }]);

/** The allotments of every month a range of times (ISO, inclusive) touches; all of them without bounds. */
export const flightHourAllotmentsTouching = (range: Readonly<{ from?: string; to?: string }>): FindQuery =>
  flightHourAllotmentsQuery({ monthFrom: range.from && monthOf(range.from), monthTo: range.to && monthOf(range.to) });
