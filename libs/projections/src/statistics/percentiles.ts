/**
 * Summary statistics for small samples, defined so a person can check them by hand.
 * Both return null for an empty sample.
 */

const sorted = (values: readonly number[]): number[] => [...values].sort((a, b) => a - b);

/** The middle value; for an even count, the mean of the two middle values. */
export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Nearest-rank percentile: the smallest observed value with at least p% of the sample at or
 * below it — the ⌈p/100 · n⌉-th value in ascending order. Always a value that was observed.
 */
export const nearestRankPercentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const s = sorted(values);
  const rank = Math.max(1, Math.ceil((p * s.length) / 100));
  return s[Math.min(rank, s.length) - 1]!;
};
