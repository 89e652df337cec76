import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { CONFIDENCE } from './methodology';

/** [lower, upper]; upper null = unbounded (no baseline incident to compare with). */
export type Interval = readonly [number, number | null];

export type RateRatio = Readonly<{
  /** (x/t1) / (y/t0); null when undefined (no incident at all, or none in the baseline). */
  rateRatio: number | null;
  /** Exact interval; null when there is no exposure on one side. */
  ci95: Interval | null;
}>;

const remembered = new Map<string, readonly [number, number]>();

/**
 * Clopper–Pearson interval for a binomial proportion x/n, through the Beta quantile
 * (the exact inversion of the binomial tails).
 */
export const clopperPearson = (x: number, n: number, confidence = CONFIDENCE): readonly [number, number] => {
  // Remembered: a response pools ~100 intervals (14 days × vicinities, groups) and the same
  // (x, n) come back from request to request; each costs two Beta quantiles (~10–20 µs).
  const key = `${x}/${n}/${confidence}`;
  let bounds = remembered.get(key);
  if (bounds === undefined) {
    const alpha = 1 - confidence;
    const lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
    const upper = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
    bounds = [lower, upper] as const;
    if (remembered.size >= 50_000) remembered.clear();
    remembered.set(key, bounds);
  }
  return bounds;
};


/**
 * Rate ratio of x events in t1 person-days against y in t0, with the exact conditional
 * interval: given x + y, x ~ Binomial(x + y, p) with p = t1·RR / (t1·RR + t0). The
 * Clopper–Pearson bounds for p map to RR = p·t0 / ((1 − p)·t1). Counts are small: the
 * ratio is never shown without its interval.
 */
export const rateRatioInterval = (
  counts: Readonly<{ x: number; t1: number; y: number; t0: number }>,
  confidence = CONFIDENCE,
): RateRatio => {
  const { x, t1, y, t0 } = counts;
  if (t1 <= 0 || t0 <= 0) return { rateRatio: null, ci95: null };
  const n = x + y;
  const rateRatio = y === 0 ? null : x / t1 / (y / t0);
  if (n === 0) return { rateRatio, ci95: [0, null] };
  const [pLow, pHigh] = clopperPearson(x, n, confidence);
  const toRatio = (p: number) => (p * t0) / ((1 - p) * t1);
  return { rateRatio, ci95: [toRatio(pLow), pHigh >= 1 ? null : toRatio(pHigh)] };
};
