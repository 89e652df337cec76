import type { EngineSnapshot } from './lean-incident';
import { DAY_MS } from './days';
import { REPORTING_LAG_PERCENTILE } from './methodology';

export type ReportingLag = Readonly<{
  /** Whole days: the percentile of recorded − occurred, rounded up. */
  days: number;
  percentile: number;
  /** How many reports it was measured on (0: none, the lag is then taken as 0). */
  sample: number;
  /** false when the caller gave the lag. */
  measured: boolean;
}>;

/**
 * DOMAIN.md: the usual reporting lag is the 90th percentile of recordedAt − occurredAt,
 * measured from the log itself (nearest-rank percentile; a report recorded before its stated
 * time counts as lag 0). Only reports recorded by asOf can be measured, so long lags are
 * under-represented for recent incidents: measure on a long history when possible.
 */
export const reportingLag = (incidents: readonly EngineSnapshot[], percentile = REPORTING_LAG_PERCENTILE): ReportingLag =>
  reportingLagOfDelays(incidents.map((i) => Date.parse(i.recordedAt) - Date.parse(i.occurredAt)), percentile);

/** The same from each report's recorded − occurred in ms: the engine has parsed both times once already. */
export const reportingLagOfDelays = (delaysMs: readonly number[], percentile = REPORTING_LAG_PERCENTILE): ReportingLag => {
  const lags = delaysMs.map((ms) => Math.max(0, ms / DAY_MS)).sort((a, b) => a - b);
  if (lags.length === 0) return { days: 0, percentile, sample: 0, measured: true };
  const rank = Math.max(1, Math.ceil(percentile * lags.length));
  return { days: Math.ceil(lags[rank - 1]), percentile, sample: lags.length, measured: true };
};

/**
 * A day's count is provisional until that day's end plus the lag: reports of it may still
 * come in. True for days not reached yet.
 */
export const isProvisional = (day: number, asOf: string | number, lagDays: number): boolean =>
  (typeof asOf === 'number' ? asOf : Date.parse(asOf)) < (day + 1 + lagDays) * DAY_MS;
