import { median, nearestRankPercentile } from './percentiles';

describe('median', () => {
  it('is null for no values', () => expect(median([])).toBeNull());
  it('is the middle value of an odd count, whatever the order', () => expect(median([9, 1, 5])).toBe(5));
  it('is the mean of the two middle values of an even count', () => expect(median([40, 10, 30, 20])).toBe(25));
  it('leaves its input alone', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('nearestRankPercentile', () => {
  it('is null for no values', () => expect(nearestRankPercentile([], 90)).toBeNull());
  it('is the only value of one', () => expect(nearestRankPercentile([7], 90)).toBe(7));
  it('p90 of 1..10 is the 9th value', () => expect(nearestRankPercentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBe(9));
  it('p90 of 1..20 is the 18th value', () => expect(nearestRankPercentile(Array.from({ length: 20 }, (_, i) => i + 1), 90)).toBe(18));
  it('p90 of three values is the largest (rank ⌈2.7⌉ = 3)', () => expect(nearestRankPercentile([1, 2, 3], 90)).toBe(3));
  it('p50 of four values is the second (rank 2)', () => expect(nearestRankPercentile([4, 3, 2, 1], 50)).toBe(2));
  it('p100 is the largest, p0 the smallest', () => {
    expect(nearestRankPercentile([5, 1, 3], 100)).toBe(5);
    expect(nearestRankPercentile([5, 1, 3], 0)).toBe(1);
  });
});
