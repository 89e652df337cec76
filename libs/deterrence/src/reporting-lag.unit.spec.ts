import { dayNumber } from './days';
import { isProvisional, reportingLag } from './reporting-lag';
import { incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';

const withLag = (hours: number, i: number) => incident(`i${i}`, OGOSSAGOU, noon('2020-03-01'), { recordedAt: new Date(Date.parse(noon('2020-03-01')) + hours * 3_600_000).toISOString() });

describe('reporting lag', () => {
  it('given lags of 1..20 days, then the 90th percentile (nearest rank) is 18 days', () => {
    const incidents = Array.from({ length: 20 }, (_, i) => withLag((i + 1) * 24, i));
    expect(reportingLag(incidents)).toEqual({ days: 18, percentile: 0.9, sample: 20, measured: true });
  });

  it('rounds part days up, and a report recorded before its stated time counts as 0', () => {
    expect(reportingLag([withLag(30, 0)]).days).toBe(2);
    expect(reportingLag([withLag(-5, 0)]).days).toBe(0);
  });

  it('no report: a lag of 0 measured on nothing', () => {
    expect(reportingLag([])).toEqual({ days: 0, percentile: 0.9, sample: 0, measured: true });
  });

  it('a day is provisional until its end plus the lag', () => {
    const day = dayNumber('2020-03-10');
    expect(isProvisional(day, '2020-03-13T23:59:59.000Z', 3)).toBe(true);
    expect(isProvisional(day, '2020-03-14T00:00:00.000Z', 3)).toBe(false);
    expect(isProvisional(day, '2020-03-11T00:00:00.000Z', 0)).toBe(false);
  });
});
