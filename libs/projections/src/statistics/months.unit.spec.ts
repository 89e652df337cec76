import { monthOf, monthsBetween, monthSpan } from './months';

describe('months', () => {
  it('the month of a time is its UTC month', () => expect(monthOf('2020-03-31T23:59:59.999Z')).toBe('2020-03'));

  it('a month spans its first to its last millisecond, December into January', () => {
    expect(monthSpan('2020-02')).toEqual({ start: Date.parse('2020-02-01T00:00:00Z'), end: Date.parse('2020-02-29T23:59:59.999Z') });
    expect(monthSpan('2020-12').end).toBe(Date.parse('2020-12-31T23:59:59.999Z'));
  });

  it('lists every month between the bounds, or between the months seen on a side without one', () => {
    expect(monthsBetween({ from: '2019-11-15T00:00:00Z', to: '2020-02-01T00:00:00Z' }, [])).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
    expect(monthsBetween({}, ['2020-05', '2020-03'])).toEqual(['2020-03', '2020-04', '2020-05']);
    expect(monthsBetween({ to: '2020-04-30T00:00:00Z' }, ['2020-05', '2020-03'])).toEqual(['2020-03', '2020-04']);
    expect(monthsBetween({}, [])).toEqual([]);
  });
});
