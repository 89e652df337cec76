import type { EpisodeCurve } from './episode-curves';
import { rateRatioInterval, type Interval } from './exact-interval';
import { horizonDays } from './horizon';
import { METHODOLOGY_VERSION, POST_WINDOW_DAYS, type Vicinity } from './methodology';

export type PooledDay = Readonly<{
  day: number;
  incidents: number;
  atRisk: number;
  /** incidents / atRisk; null with no day at risk. */
  rate: number | null;
  /** rate / baselineRate with its exact interval. */
  rateRatio: number | null;
  ci95: Interval | null;
  provisional: boolean;
}>;

/** DOMAIN.md's pooled curve: rate(k) = Σc[k] / Σatrisk[k] against the baseline daily rate. */
export type PooledCurve = Readonly<{
  methodologyVersion: string;
  vicinity: Vicinity;
  /** Departed episodes pooled (those still under way have no post window yet). */
  episodes: number;
  baseline: Readonly<{ incidents: number; days: number }>;
  baselineRate: number | null;
  days: readonly PooledDay[];
  post: Readonly<{ incidents: number; days: number }>;
  /** Post (days 1..14) rate over baseline rate, exact 95% interval. */
  rateRatio: number | null;
  ci95: Interval | null;
  horizonDays: number | null;
  /** Some pooled window has not reached its end plus the reporting lag. */
  provisional: boolean;
  withoutOwnUnit: boolean;
}>;

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Pools episode curves of one vicinity. Only departed episodes enter, each with its own
 * baseline, so post and baseline come from the same places. `withoutOwnUnit` drops the
 * reports of the unit that was present.
 */
export const poolCurves = (curves: readonly EpisodeCurve[], vicinity: Vicinity, withoutOwnUnit = false): PooledCurve => {
  const pooled = curves.filter((c) => c.departure !== null);
  const count = (d: EpisodeCurve['days'][number]) => (withoutOwnUnit ? d.countWithoutOwnUnit : d.count);
  const baselineIncidents = sum(pooled.map((c) => (withoutOwnUnit ? c.baseline.countWithoutOwnUnit : c.baseline.count)));
  const baselineDays = sum(pooled.map((c) => c.baseline.days));
  const baselineRate = baselineDays > 0 ? baselineIncidents / baselineDays : null;
  const days = Array.from({ length: POST_WINDOW_DAYS }, (_, j): PooledDay => {
    const incidents = sum(pooled.map((c) => count(c.days[j])));
    const atRisk = sum(pooled.map((c) => c.days[j].atRisk));
    const ratio = rateRatioInterval({ x: incidents, t1: atRisk, y: baselineIncidents, t0: baselineDays });
    return {
      day: j + 1,
      incidents,
      atRisk,
      rate: atRisk > 0 ? incidents / atRisk : null,
      ...ratio,
      provisional: pooled.some((c) => c.days[j].atRisk > 0 && c.days[j].provisional),
    };
  });
  const post = { incidents: sum(days.map((d) => d.incidents)), days: sum(days.map((d) => d.atRisk)) };
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    vicinity,
    episodes: pooled.length,
    baseline: { incidents: baselineIncidents, days: baselineDays },
    baselineRate,
    days,
    post,
    ...rateRatioInterval({ x: post.incidents, t1: post.days, y: baselineIncidents, t0: baselineDays }),
    horizonDays: horizonDays(days, baselineRate),
    provisional: pooled.some((c) => c.provisional),
    withoutOwnUnit,
  };
};
