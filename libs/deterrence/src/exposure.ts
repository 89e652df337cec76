import type { TimedEpisode } from './episodes';
import { BASELINE_DAYS, POST_WINDOW_DAYS } from './methodology';

/**
 * Which days of an episode's windows are at risk — observed and free of another presence's
 * influence. Both windows are censored against the other presences within the vicinity's
 * outer radius (DOMAIN.md, "Overlaps"):
 *
 * - post window, days D+1..D+14: at risk until the first day another presence within r is
 *   under way there (it arrives, or was already there and stays), and only up to asOf;
 * - baseline, days A−28..A−1: runs back from the day before arrival and stops after the
 *   last day another presence within r was under way or in its 14-day post window, so the
 *   baseline is a rate without presence and no incident is both a post and a baseline count.
 */
export type Exposure = Readonly<{
  /** 0/1 for k = 1..14; all 0 while the episode is under way. */
  postAtRisk: readonly number[];
  /** The first censored k (another presence arrived), if within 1..14. */
  censoredFromDay: number | undefined;
  baselineFrom: number;
  baselineTo: number;
  baselineDays: number;
}>;

const postWindow = (self: TimedEpisode, others: readonly TimedEpisode[], asOfDay: number) => {
  const departure = self.departure;
  if (departure === undefined) return { postAtRisk: new Array<number>(POST_WINDOW_DAYS).fill(0), censoredFromDay: undefined };
  let censorDay = Infinity;
  for (const g of others) {
    const leaves = g.departure ?? Infinity;
    if (leaves >= departure + 1) censorDay = Math.min(censorDay, Math.max(g.arrival, departure + 1));
  }
  const postAtRisk = Array.from({ length: POST_WINDOW_DAYS }, (_, i) => {
    const day = departure + i + 1;
    return day < censorDay && day <= asOfDay ? 1 : 0;
  });
  const k = censorDay - departure;
  return { postAtRisk, censoredFromDay: k <= POST_WINDOW_DAYS ? k : undefined };
};

const baselineWindow = (self: TimedEpisode, others: readonly TimedEpisode[]) => {
  const baselineTo = self.arrival - 1;
  let lastInfluenced = -Infinity;
  for (const g of others) {
    if (g.arrival > baselineTo) continue;
    const influenceEnds = g.departure === undefined ? Infinity : g.departure + POST_WINDOW_DAYS;
    lastInfluenced = Math.max(lastInfluenced, Math.min(baselineTo, influenceEnds));
  }
  const baselineFrom = Math.max(self.arrival - BASELINE_DAYS, lastInfluenced + 1);
  return { baselineFrom, baselineTo, baselineDays: Math.max(0, baselineTo - baselineFrom + 1) };
};

export const exposureOf = (self: TimedEpisode, others: readonly TimedEpisode[], asOfDay: number): Exposure => ({
  ...postWindow(self, others, asOfDay),
  ...baselineWindow(self, others),
});
