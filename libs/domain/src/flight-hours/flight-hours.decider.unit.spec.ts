import { DeciderSpecification } from '@poc/domain/testing';
import type { FlightHoursAllotted } from './flight-hours.events';
import { flightHoursDecider, flightHoursStreamId } from './flight-hours.decider';

const now = '2020-03-01T08:00:00.000Z';
const spec = DeciderSpecification.for(flightHoursDecider);
const allot = (hours: number, month = '2020-03', note?: string) =>
  ({ type: 'AllotFlightHours', context: { now }, data: { month, hours, ...(note !== undefined && { note }) } }) as const;
const allotted = (hours: number, note?: string): FlightHoursAllotted => ({
  type: 'FlightHoursAllotted',
  occurredAt: now,
  data: { month: '2020-03', hours, ...(note !== undefined && { note }) },
});

describe('flight hours decider', () => {
  it('names its stream flighthours-<month>, a category apart from flights', () => expect(flightHoursStreamId('2020-03')).toBe('flighthours-2020-03'));

  it('allots hours to a month, recorded when decided', () => spec.given([]).when(allot(600)).then([allotted(600)]));

  it('keeps the note', () => spec.given([]).when(allot(600, '2020-03', 'COVID-19: no crew rotation')).then([allotted(600, 'COVID-19: no crew rotation')]));

  it('revises an allotment: hours cut during the month', () =>
    spec.given([allotted(600)]).when(allot(420, '2020-03', 'spare parts')).then([allotted(420, 'spare parts')]));

  it('allows a month with no hours', () => spec.given([]).when(allot(0)).then([allotted(0)]));

  it('refuses the same allotment again', () => spec.given([allotted(600)]).when(allot(600)).thenThrows('conflict', /already 600 hours/));

  it.each(['2020-13', '2020-3', '2020-03-01', 'March'])('refuses the month %s, naming the field', (month) =>
    spec.given([]).when(allot(600, month)).thenThrows('invalid', /month must be a month/));

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY, 100_001])('refuses %s hours', (hours) =>
    spec.given([]).when(allot(hours)).thenThrows('invalid', /hours must be a number from 0/));
});
