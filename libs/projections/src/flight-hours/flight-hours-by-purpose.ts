import { FLIGHT_PURPOSES, toMillis, type FlightPurpose } from '@poc/domain';
import type { FlightView } from '../flights/flights.projection';
import type { FlightHourAllotmentView } from './flight-hour-allotments.projection';
import { monthOf, monthsBetween, monthSpan } from '../statistics/months';

/** Sorties and hours of one purpose in a month (or the period). */
export type PurposeHours = Readonly<{
  purpose: FlightPurpose;
  /** Flights that took off. */
  sorties: number;
  /** Hours flown by those back (completed or aborted), take-off to landing, to 0.01 h. */
  hours: number;
  /** Sorties not back yet: counted as sorties, their hours not known yet. */
  airborne: number;
  /** This purpose's hours / all hours; null when no hours were flown. */
  shareOfHours: number | null;
}>;

export type MonthFlightHours = Readonly<{
  /** YYYY-MM (UTC): flights count in the month they took off. */
  month: string;
  /** The range covers the whole month: else the allotment (a month's) is set against part of it. */
  wholeMonth: boolean;
  sorties: number;
  hours: number;
  airborne: number;
  /** The month's allotment in force; null when none was recorded. */
  allottedHours: number | null;
  /** hours / allottedHours; null without an allotment, or with an allotment of 0. */
  shareUsed: number | null;
  /** Every purpose, in the order of priority (FLIGHT_PURPOSES), with zeros. */
  byPurpose: readonly PurposeHours[];
}>;

export type FlightHoursByPurpose = Readonly<{
  from: string | null;
  to: string | null;
  months: readonly MonthFlightHours[];
  totals: Readonly<{
    sorties: number;
    hours: number;
    airborne: number;
    /** The allotments of the months listed that have one; null when none has. */
    allottedHours: number | null;
    shareUsed: number | null;
    byPurpose: readonly PurposeHours[];
  }>;
}>;

export type FlightHoursRange = Readonly<{ from?: string; to?: string }>;

type Flight = Pick<FlightView, 'flightId' | 'purpose' | 'takeOffAt' | 'flightHours'>;
type Tally = { sorties: number; hours: number; airborne: number };

const round2 = (hours: number): number => Math.round(hours * 100) / 100;
const ratio = (part: number, whole: number | null): number | null => (whole === null || whole === 0 ? null : part / whole);

const inRange = (at: string, range: FlightHoursRange): boolean =>
  (range.from === undefined || toMillis(at) >= toMillis(range.from)) && (range.to === undefined || toMillis(at) <= toMillis(range.to));

const tally = (flights: readonly Flight[]): Tally =>
  flights.reduce<Tally>(
    (t, f) => ({ sorties: t.sorties + 1, hours: t.hours + (f.flightHours ?? 0), airborne: t.airborne + (f.flightHours === undefined ? 1 : 0) }),
    { sorties: 0, hours: 0, airborne: 0 },
  );

const byPurpose = (flights: readonly Flight[], totalHours: number): PurposeHours[] =>
  FLIGHT_PURPOSES.map((purpose) => {
    const t = tally(flights.filter((f) => f.purpose === purpose));
    return { purpose, sorties: t.sorties, hours: round2(t.hours), airborne: t.airborne, shareOfHours: ratio(t.hours, totalHours) };
  });

/**
 * Pure: hours and sorties per month and purpose against each month's allotment, so the
 * operations centre sees which purposes the order of priority kept flying when hours fell.
 * The caller fetches the flights that took off in the range and the months' allotments;
 * flights outside the range are left out. Months: from's month to to's month when both are
 * given, else the span of the flights and allotments given (within the bounds given).
 */
export const flightHoursByPurpose = (
  flights: readonly Flight[],
  allotments: readonly Pick<FlightHourAllotmentView, 'month' | 'hours'>[],
  range: FlightHoursRange = {},
): FlightHoursByPurpose => {
  const flown = flights.filter((f) => inRange(f.takeOffAt, range));
  const allotted = new Map(allotments.map((a) => [a.month, a.hours]));
  const months = monthsBetween(range, [...flown.map((f) => monthOf(f.takeOffAt)), ...allotted.keys()]);
  const rows = months.map((month): MonthFlightHours => {
    const ofMonth = flown.filter((f) => monthOf(f.takeOffAt) === month);
    const t = tally(ofMonth);
    const allottedHours = allotted.get(month) ?? null;
    const span = monthSpan(month);
    const wholeMonth = (range.from === undefined || toMillis(range.from) <= span.start) && (range.to === undefined || toMillis(range.to) >= span.end);
    return { month, wholeMonth, sorties: t.sorties, hours: round2(t.hours), airborne: t.airborne, allottedHours, shareUsed: ratio(t.hours, allottedHours), byPurpose: byPurpose(ofMonth, t.hours) };
  });
  const all = tally(flown.filter((f) => months.includes(monthOf(f.takeOffAt))));
  const withAllotment = rows.filter((r) => r.allottedHours !== null);
  const allottedHours = withAllotment.length === 0 ? null : withAllotment.reduce((sum, r) => sum + (r.allottedHours ?? 0), 0);
  // Against the months that have an allotment only: hours of a month without one have nothing to use up.
  const hoursAgainstAllotments = withAllotment.reduce((sum, r) => sum + tally(flown.filter((f) => monthOf(f.takeOffAt) === r.month)).hours, 0);
  return {
    from: range.from ?? null,
    to: range.to ?? null,
    months: rows,
    totals: {
      sorties: all.sorties,
      hours: round2(all.hours),
      airborne: all.airborne,
      allottedHours,
      shareUsed: ratio(hoursAgainstAllotments, allottedHours),
      byPurpose: byPurpose(flown, all.hours),
    },
  };
};
