import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import type { FlightHoursAllotted } from './flight-hours.events';
import type { FlightHoursState } from './flight-hours.state';

export type AllotFlightHours = Command<'AllotFlightHours', FlightHoursAllotted['data']>;

/** A calendar month, January to December. */
export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** More hours than a month has for every aircraft of a large mission is a typing mistake. */
export const MAX_MONTHLY_FLIGHT_HOURS = 100_000;

export const allotFlightHours = ({ data, context }: AllotFlightHours, state: FlightHoursState): FlightHoursAllotted[] => {
  if (!isMonth(data.month)) throw invalid(`month must be a month, YYYY-MM (got ${data.month})`, 'month');
  if (!Number.isFinite(data.hours) || data.hours < 0 || data.hours > MAX_MONTHLY_FLIGHT_HOURS) {
    throw invalid(`hours must be a number from 0 to ${MAX_MONTHLY_FLIGHT_HOURS}`, 'hours');
  }
  // The same allotment again records nothing new: say so rather than add a revision that changes nothing.
  if (state.status === 'allotted' && state.hours === data.hours) {
    throw conflict(`the allotment for ${data.month} is already ${data.hours} hours`);
  }
  return [
    {
      type: 'FlightHoursAllotted',
      occurredAt: context.now,
      data: { month: data.month, hours: data.hours, ...(data.note !== undefined && { note: data.note }) },
    },
  ];
};
