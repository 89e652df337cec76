import type { DomainEvent } from '../shared/domain-event';

/**
 * The flight hours the mission may fly in a calendar month (UTC), all purposes together.
 * A later allotment for the same month replaces the earlier one: hours are cut (crews not
 * rotated, spare parts missing) or restored during the month, and each change is kept.
 */
export type FlightHoursAllotted = DomainEvent<
  'FlightHoursAllotted',
  Readonly<{
    /** YYYY-MM. */
    month: string;
    hours: number;
    /** Why the allotment was set or changed. */
    note?: string;
  }>
>;

export type FlightHoursEvent = FlightHoursAllotted;
