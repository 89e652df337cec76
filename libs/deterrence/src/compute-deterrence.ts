import { prepareContext } from './context';
import { episodeCurves, type EpisodeCurve } from './episode-curves';
import { matchesFilter, type EpisodeFilter } from './episodes';
import type { Interval } from './exact-interval';
import { poolGroups, type GroupKey, type PooledGroup } from './groups';
import type { EngineIncident } from './lean-incident';
import { impreciseSummary, type ImpreciseSummary } from './imprecise';
import { DEFAULT_RADIUS_KM, disk, METHODOLOGY_VERSION, REPORTING_LAG_PERCENTILE, STANDARD_VICINITIES, vicinityLabel, type Vicinity } from './methodology';
import { poolCurves, type PooledCurve, type PooledDay } from './pooled';
import { reportingLagOfDelays, type ReportingLag } from './reporting-lag';
import { retaliationCandidates, summariseRetaliation, type RetaliationSummary, type RetaliationVerdicts } from './retaliation';
import { type Episode, type EpisodeKind } from '@poc/projections';

export type DeterrenceInput = Readonly<{
  /** The focal episodes and every other presence overlapping FetchPlan.presenceDays. */
  episodes: readonly Episode[];
  /** The incidents FetchPlan names (current views: corrections and retractions applied; IncidentView or the lean view). */
  incidents: readonly EngineIncident[];
  /** What had been recorded by then (incidents by recordedAt); also the last day at risk. */
  asOf: string;
  /** Which episodes to report on; the others still censor and take incidents. */
  filter?: EpisodeFilter;
  radiusKm?: number;
  /** Also pooled besides radiusKm (default 5, 10, 25 km and the 10–25 km ring; [] for none). */
  vicinities?: readonly Vicinity[];
  groupBy?: readonly GroupKey[];
  retaliationVerdicts?: RetaliationVerdicts;
  /** Default: measured from `incidents` (90th percentile of recorded − occurred). */
  reportingLagDays?: number;
  /** 'only': count only the incidents verified as known at asOf (default 'all'). */
  verified?: VerifiedSelection;
}>;

export const VERIFIED_SELECTIONS = ['only', 'all'] as const;
export type VerifiedSelection = (typeof VERIFIED_SELECTIONS)[number];

/** A focal episode's curve at radiusKm, with what identifies it. */
export type EpisodeResult = EpisodeCurve &
  Readonly<{ kind: EpisodeKind; sourceId: string; operation?: string; unit?: string; cercle?: string }>;

/** GET /deterrence's fields first (at radiusKm), then the rest of DOMAIN.md's outputs. */
export type DeterrenceResult = Readonly<{
  methodologyVersion: string;
  asOf: string;
  radiusKm: number;
  /** Which incidents were counted: every one, or only those verified (stated so a figure says it). */
  verified: VerifiedSelection;
  episodes: number;
  baselineRate: number | null;
  days: readonly PooledDay[];
  rateRatio: number | null;
  ci95: Interval | null;
  horizonDays: number | null;
  baseline: PooledCurve['baseline'];
  post: PooledCurve['post'];
  provisional: boolean;
  reportingLag: ReportingLag;
  /** Focal episodes still under way at asOf: not pooled. */
  underWay: number;
  withoutOwnUnit: PooledCurve;
  /** Keyed '5', '10', '25', '10-25'. */
  byVicinity: Readonly<Record<string, PooledCurve>>;
  groups: readonly PooledGroup[];
  perEpisode: readonly EpisodeResult[];
  retaliation: RetaliationSummary;
  imprecise: ImpreciseSummary;
}>;

const sameVicinity = (a: Vicinity, b: Vicinity) => a.innerKm === b.innerKm && a.outerKm === b.outerKm;

/**
 * DOMAIN.md's deterrence read model, pure: the same inputs in any order give the same result.
 * The caller fetches the inputs through its indexes (see fetchPlan); this never pairs every
 * episode with every incident.
 */
export const computeDeterrence = (input: DeterrenceInput): DeterrenceResult => {
  const radiusKm = input.radiusKm ?? DEFAULT_RADIUS_KM;
  const main = disk(radiusKm);
  const vicinities = [main, ...(input.vicinities ?? STANDARD_VICINITIES).filter((v) => !sameVicinity(v, main))];
  const verified = input.verified ?? 'all';
  const ctx = prepareContext(input.episodes, input.incidents, input.asOf, Math.max(...vicinities.map((v) => v.outerKm)), verified === 'only');
  const lag =
    input.reportingLagDays !== undefined
      ? { days: input.reportingLagDays, percentile: REPORTING_LAG_PERCENTILE, sample: 0, measured: false }
      : reportingLagOfDelays(ctx.incidents.filter((i) => i.view.status === 'active').map((i) => i.delayMs));
  const focal = ctx.timeline.flatMap((t, i) => (matchesFilter(t, input.filter) ? [i] : []));
  const focalSet = new Set(focal);
  const curvesFor = (v: Vicinity) => episodeCurves(ctx, v, lag.days, focal);
  const mainCurves = curvesFor(main);
  const pooled = poolCurves(mainCurves, main);
  const byVicinity: Record<string, PooledCurve> = { [vicinityLabel(main)]: pooled };
  for (const v of vicinities.slice(1)) byVicinity[vicinityLabel(v)] = poolCurves(curvesFor(v), v);
  const perEpisode = focal.map((i, j): EpisodeResult => {
    const { kind, sourceId, operation, unit, cercle } = ctx.timeline[i].episode;
    return { ...mainCurves[j], kind, sourceId, ...(operation !== undefined && { operation }), ...(unit !== undefined && { unit }), ...(cercle !== undefined && { cercle }) };
  });
  const pairs = focal.map((i, j) => ({ timed: ctx.timeline[i], curve: mainCurves[j] }));
  return {
    methodologyVersion: METHODOLOGY_VERSION,
    asOf: input.asOf,
    radiusKm,
    verified,
    episodes: pooled.episodes,
    baselineRate: pooled.baselineRate,
    days: pooled.days,
    rateRatio: pooled.rateRatio,
    ci95: pooled.ci95,
    horizonDays: pooled.horizonDays,
    baseline: pooled.baseline,
    post: pooled.post,
    provisional: pooled.provisional,
    reportingLag: lag,
    underWay: focal.filter((i) => ctx.timeline[i].departure === undefined).length,
    withoutOwnUnit: poolCurves(mainCurves, main, true),
    byVicinity,
    groups: poolGroups(pairs, input.groupBy ?? [], main),
    perEpisode,
    retaliation: summariseRetaliation(retaliationCandidates(ctx, radiusKm, focalSet, input.retaliationVerdicts), radiusKm),
    imprecise: impreciseSummary(ctx, radiusKm, focalSet),
  };
};
