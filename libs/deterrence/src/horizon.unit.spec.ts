import { horizonDays } from './horizon';

const curve = (counts: number[], atRisk = 10) => counts.map((incidents, i) => ({ day: i + 1, incidents, atRisk }));

describe('horizon', () => {
  it('given a pooled curve below baseline until day 9, then the horizon is the last day the trailing 3-day rate stays below', () => {
    // baseline 0.5/day; 10 days at risk each: 5 incidents is baseline.
    const days = curve([1, 1, 2, 2, 3, 3, 4, 4, 4, 9, 9, 9, 9, 9]);
    // trailing 3-day rates: day 10 = (4+4+9)/30 = 0.57 ≥ 0.5.
    expect(horizonDays(days, 0.5)).toBe(9);
  });

  it('stays below all 14 days: 14', () => {
    expect(horizonDays(curve(new Array(14).fill(1)), 0.5)).toBe(14);
  });

  it('not below on day 1: 0', () => {
    expect(horizonDays(curve([6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0.5)).toBe(0);
  });

  it('a single high day is smoothed over by the 3-day rate', () => {
    // day 4 alone is 0.7, its 3-day rate (1+1+7)/30 = 0.3.
    expect(horizonDays(curve([1, 1, 1, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]), 0.5)).toBe(14);
  });

  it('stops where the days at risk run out (censored or not reached)', () => {
    const days = curve([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]).map((d) => ({ ...d, atRisk: d.day <= 5 ? 10 : 0 }));
    expect(horizonDays(days, 0.5)).toBe(5);
  });

  it('nothing to compare with: null (no baseline incident, no baseline, no day 1 at risk)', () => {
    expect(horizonDays(curve(new Array(14).fill(0)), 0)).toBeNull();
    expect(horizonDays(curve(new Array(14).fill(0)), null)).toBeNull();
    expect(horizonDays(curve(new Array(14).fill(0), 0), 0.5)).toBeNull();
  });
});
