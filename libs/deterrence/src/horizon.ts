import { HORIZON_WINDOW_DAYS } from './methodology';

/**
 * DOMAIN.md's horizon: the last day k up to which the pooled 3-day rate stays below the
 * baseline rate. The 3-day rate at k is trailing (days max(1, k−2)..k: Σ incidents / Σ days
 * at risk); the horizon also ends before the first day with nothing at risk (censored or not
 * reached). 0 when not below baseline on day 1; null when there is nothing to compare (no
 * baseline incident, so no rate can be below it, or day 1 not at risk).
 */
export const horizonDays = (
  days: readonly Readonly<{ day: number; incidents: number; atRisk: number }>[],
  baselineRate: number | null,
): number | null => {
  if (baselineRate === null || baselineRate <= 0 || days.length === 0 || days[0].atRisk === 0) return null;
  let horizon = 0;
  for (let i = 0; i < days.length; i++) {
    if (days[i].atRisk === 0) break;
    const window = days.slice(Math.max(0, i - HORIZON_WINDOW_DAYS + 1), i + 1);
    const atRisk = window.reduce((sum, d) => sum + d.atRisk, 0);
    const rate = window.reduce((sum, d) => sum + d.incidents, 0) / atRisk;
    if (rate >= baselineRate) break;
    horizon = days[i].day;
  }
  return horizon;
};
