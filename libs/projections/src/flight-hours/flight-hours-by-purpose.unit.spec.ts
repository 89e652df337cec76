import type { FlightPurpose } from '@poc/domain';
import { flightHoursByPurpose } from './flight-hours-by-purpose';

let n = 0;
const flight = (purpose: FlightPurpose, takeOffAt: string, flightHours?: number) => ({
  flightId: `f${++n}`,
  purpose,
  takeOffAt,
  ...(flightHours !== undefined && { flightHours }),
});
const MARCH = { from: '2020-03-01T00:00:00.000Z', to: '2020-03-31T23:59:59.999Z' };

describe('flightHoursByPurpose', () => {
  it('given flights of several purposes in a month and its allotment, then sorties, hours and the share used per purpose', () => {
    const flights = [
      flight('casualty-evacuation', '2020-03-02T10:00:00.000Z', 1.5),
      flight('rapid-response', '2020-03-05T06:00:00.000Z', 2),
      flight('rapid-response', '2020-03-06T06:00:00.000Z', 2.25),
      flight('logistics', '2020-03-20T06:00:00.000Z', 4.25),
    ];
    const report = flightHoursByPurpose(flights, [{ month: '2020-03', hours: 20 }], MARCH);
    expect(report.months).toHaveLength(1);
    const [march] = report.months;
    expect(march).toMatchObject({ month: '2020-03', wholeMonth: true, sorties: 4, hours: 10, airborne: 0, allottedHours: 20, shareUsed: 0.5 });
    expect(march!.byPurpose).toEqual([
      { purpose: 'casualty-evacuation', sorties: 1, hours: 1.5, airborne: 0, shareOfHours: 0.15 },
      { purpose: 'rapid-response', sorties: 2, hours: 4.25, airborne: 0, shareOfHours: 0.425 },
      { purpose: 'priority-task', sorties: 0, hours: 0, airborne: 0, shareOfHours: 0 },
      { purpose: 'logistics', sorties: 1, hours: 4.25, airborne: 0, shareOfHours: 0.425 },
      { purpose: 'rotation', sorties: 0, hours: 0, airborne: 0, shareOfHours: 0 },
    ]);
    expect(report.totals).toMatchObject({ sorties: 4, hours: 10, allottedHours: 20, shareUsed: 0.5 });
  });

  it('given a flight not back yet, then it is a sortie, airborne, with no hours', () => {
    const report = flightHoursByPurpose([flight('rotation', '2020-03-10T06:00:00.000Z')], [], MARCH);
    expect(report.months[0]).toMatchObject({ sorties: 1, hours: 0, airborne: 1, allottedHours: null, shareUsed: null });
    expect(report.months[0]!.byPurpose[4]).toEqual({ purpose: 'rotation', sorties: 1, hours: 0, airborne: 1, shareOfHours: null });
  });

  it('given a range of months, then every month is listed, those with no flight too, each by its take-off month', () => {
    const flights = [flight('rapid-response', '2020-02-29T23:30:00.000Z', 1), flight('rapid-response', '2020-04-01T00:10:00.000Z', 1)];
    const report = flightHoursByPurpose(flights, [{ month: '2020-03', hours: 100 }], { from: '2020-02-01T00:00:00.000Z', to: '2020-04-30T23:59:59.999Z' });
    expect(report.months.map((m) => [m.month, m.sorties, m.allottedHours])).toEqual([
      ['2020-02', 1, null],
      ['2020-03', 0, 100],
      ['2020-04', 1, null],
    ]);
    // Only March has an allotment, and flew nothing against it.
    expect(report.totals).toMatchObject({ sorties: 2, hours: 2, allottedHours: 100, shareUsed: 0 });
  });

  it('given a range that cuts a month, then the month is marked partial and flights outside the range are left out', () => {
    const flights = [flight('logistics', '2020-03-10T06:00:00.000Z', 3), flight('logistics', '2020-03-20T06:00:00.000Z', 3)];
    const report = flightHoursByPurpose(flights, [{ month: '2020-03', hours: 30 }], { from: '2020-03-15T00:00:00.000Z' });
    expect(report.months).toEqual([expect.objectContaining({ month: '2020-03', wholeMonth: false, sorties: 1, hours: 3, shareUsed: 0.1 })]);
    expect(report).toMatchObject({ from: '2020-03-15T00:00:00.000Z', to: null });
  });

  it('given hours that do not add up in binary, then they are given to 0.01 h', () => {
    const flights = [flight('priority-task', '2020-03-01T06:00:00.000Z', 0.1), flight('priority-task', '2020-03-01T09:00:00.000Z', 0.2)];
    expect(flightHoursByPurpose(flights, [], MARCH).months[0]!.hours).toBe(0.3);
  });

  it('given an allotment of 0 hours, then no share (nothing to divide by)', () =>
    expect(flightHoursByPurpose([flight('casualty-evacuation', '2020-03-01T06:00:00.000Z', 1)], [{ month: '2020-03', hours: 0 }], MARCH).months[0]!.shareUsed).toBeNull());

  it('given nothing and no range, then no month', () => expect(flightHoursByPurpose([], []).months).toEqual([]));
});
