import { attribute } from './attribution';
import { exposureAt, type Context } from './context';
import { dayString } from './days';
import type { Exposure } from './exposure';
import { POST_WINDOW_DAYS, type Vicinity } from './methodology';
import { isProvisional } from './reporting-lag';

export type EpisodeDay = Readonly<{
  /** k = 1..14 after the departure day. */
  day: number;
  /** null while the episode is under way. */
  date: string | null;
  count: number;
  /** Without the reports of the unit that was present (presence raises reporting). */
  countWithoutOwnUnit: number;
  /** 1 when the day is observed (≤ asOf) and not censored by another presence. */
  atRisk: number;
  provisional: boolean;
}>;

/** One episode's counts for one vicinity: c[1..14], days at risk, baseline (DOMAIN.md outputs). */
export type EpisodeCurve = Readonly<{
  episodeId: string;
  vicinity: Vicinity;
  arrival: string;
  /** null while under way: no post window yet. */
  departure: string | null;
  days: readonly EpisodeDay[];
  /** The first k censored by another presence arriving within the outer radius. */
  censoredFromDay: number | null;
  baseline: Readonly<{ from: string; to: string; days: number; count: number; countWithoutOwnUnit: number; provisional: boolean }>;
  /** Incidents while it was under way (day 0 included): outside the curve. */
  during: number;
  /** Its window has not reached its end plus the reporting lag. */
  provisional: boolean;
}>;

type Tally = { post: number[]; postOwn: number[]; baseline: number; baselineOwn: number; during: number };

const emptyTally = (): Tally => ({ post: new Array<number>(POST_WINDOW_DAYS).fill(0), postOwn: new Array<number>(POST_WINDOW_DAYS).fill(0), baseline: 0, baselineOwn: 0, during: 0 });

/**
 * The curves of the episodes at `wanted` (indexes into ctx.timeline; default every one, in
 * episode id order) for one vicinity. Any episode may take an incident, so every incident is
 * attributed among all of them; but an episode's exposure and tally are only worked out once
 * it takes one or is wanted (a pooled query reports on a few focal episodes among hundreds of
 * neighbours, most of which take nothing), and only the wanted ones are turned into curves.
 */
export const episodeCurves = (ctx: Context, vicinity: Vicinity, lagDays: number, wanted?: readonly number[]): EpisodeCurve[] => {
  const { timeline } = ctx;
  const exposure = (i: number) => exposureAt(ctx, vicinity.outerKm, i);
  const tallies = new Array<Tally | undefined>(timeline.length);
  const tallyOf = (i: number): Tally => (tallies[i] ??= emptyTally());
  for (const incident of ctx.incidents) {
    if (incident.precision !== 'daily') continue;
    const a = attribute(incident, incident.near, vicinity, timeline, exposure);
    if (!a) continue;
    const tally = tallyOf(a.episode);
    const unit = timeline[a.episode].episode.unit;
    const own = unit !== undefined && incident.view.reportingUnit === unit;
    if (a.role === 'during') tally.during += 1;
    if (a.role === 'post') {
      tally.post[a.k - 1] += 1;
      if (own) tally.postOwn[a.k - 1] += 1;
    }
    if (a.role === 'baseline') {
      tally.baseline += 1;
      if (own) tally.baselineOwn += 1;
    }
  }
  return (wanted ?? timeline.map((_, i) => i)).map((i) => curveOf(ctx, vicinity, lagDays, i, exposure(i), tallyOf(i)));
};

const curveOf = (ctx: Context, vicinity: Vicinity, lagDays: number, i: number, exposure: Exposure, tally: Tally): EpisodeCurve => {
  const t = ctx.timeline[i];
  const provisional = (day: number) => isProvisional(day, ctx.asOfMs, lagDays);
  const departure = t.departure;
  const days = Array.from({ length: POST_WINDOW_DAYS }, (_, j): EpisodeDay => {
    const day = (departure ?? t.arrival) + j + 1;
    return {
      day: j + 1,
      date: departure === undefined ? null : dayString(day),
      count: tally.post[j],
      countWithoutOwnUnit: tally.post[j] - tally.postOwn[j],
      atRisk: exposure.postAtRisk[j],
      provisional: departure === undefined || provisional(day),
    };
  });
  const censored = exposure.censoredFromDay;
  const windowEnd = departure === undefined ? undefined : departure + (censored !== undefined ? censored - 1 : POST_WINDOW_DAYS);
  return {
    episodeId: t.episode.episodeId,
    vicinity,
    arrival: dayString(t.arrival),
    departure: departure === undefined ? null : dayString(departure),
    days,
    censoredFromDay: censored ?? null,
    baseline: {
      from: dayString(exposure.baselineFrom),
      to: dayString(exposure.baselineTo),
      days: exposure.baselineDays,
      count: tally.baseline,
      countWithoutOwnUnit: tally.baseline - tally.baselineOwn,
      provisional: provisional(exposure.baselineTo),
    },
    during: tally.during,
    provisional: windowEnd === undefined || provisional(windowEnd),
  };
};
