import { offsetKm } from '@poc/projections/testing';
import { dayNumber } from './days';
import { timedEpisodes } from './episodes';
import { exposureOf } from './exposure';
import { episode, noon, OGOSSAGOU } from '@poc/deterrence/testing';
import { type Episode } from '@poc/projections';

const asOfDay = dayNumber('2020-06-01');
const exposure = (self: Episode, ...others: Episode[]) => {
  const [t, ...rest] = timedEpisodes([self, ...others], '2020-06-01T00:00:00.000Z').sort((a) => (a.episode === self ? -1 : 1));
  return exposureOf(t, rest, asOfDay);
};
const atRiskDays = (e: ReturnType<typeof exposure>) => e.postAtRisk.reduce((a, b) => a + b, 0);

const main = episode('main', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-03'));

describe('exposure: censoring and baseline', () => {
  it('given no other presence, then 14 post days and 28 baseline days (02-02..02-29)', () => {
    const e = exposure(main);
    expect(atRiskDays(e)).toBe(14);
    expect(e.censoredFromDay).toBeUndefined();
    expect([e.baselineFrom, e.baselineTo, e.baselineDays]).toEqual([dayNumber('2020-02-02'), dayNumber('2020-02-29'), 28]);
  });

  it('given a later presence arriving on day 8, then the post window is censored from day 8', () => {
    const e = exposure(main, episode('next', offsetKm(OGOSSAGOU, 0, 5), noon('2020-03-11'), noon('2020-03-12')));
    expect(e.censoredFromDay).toBe(8);
    expect(e.postAtRisk).toEqual([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('given a presence already there that stays after the departure, then no post day is at risk', () => {
    const base = episode('base', offsetKm(OGOSSAGOU, 0, 3), noon('2020-02-20'), undefined, { kind: 'base' });
    expect(exposure(main, base).censoredFromDay).toBe(1);
    expect(atRiskDays(exposure(main, base))).toBe(0);
  });

  it('given a presence leaving the same day, then neither censors the other (they share the window)', () => {
    expect(atRiskDays(exposure(main, episode('twin', OGOSSAGOU, noon('2020-03-02'), noon('2020-03-03'))))).toBe(14);
  });

  it('given a presence that left before arrival, then the baseline runs back only to the end of its 14-day window', () => {
    // left 02-10: its influence covers 02-11..02-24; the baseline is 02-25..02-29.
    const e = exposure(main, episode('before', OGOSSAGOU, noon('2020-02-08'), noon('2020-02-10')));
    expect([e.baselineFrom, e.baselineDays]).toEqual([dayNumber('2020-02-25'), 5]);
    expect(atRiskDays(e)).toBe(14);
  });

  it('given a presence under way at arrival, then there is no baseline', () => {
    expect(exposure(main, episode('open', OGOSSAGOU, noon('2020-02-25'))).baselineDays).toBe(0);
  });

  it('a presence beyond the radius is not passed in: censoring is the caller’s choice of neighbours', () => {
    expect(atRiskDays(exposure(main))).toBe(14);
  });

  it('days after asOf are not at risk', () => {
    const [t] = timedEpisodes([main], '2020-03-08T10:00:00.000Z');
    expect(exposureOf(t, [], dayNumber('2020-03-08')).postAtRisk).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('an episode under way has no post window yet', () => {
    const [t] = timedEpisodes([main], '2020-03-02T10:00:00.000Z');
    expect(t.departure).toBeUndefined();
    expect(atRiskDays(exposureOf(t, [], dayNumber('2020-03-02')))).toBe(0);
  });
});
