import { computeDeterrence, type DeterrenceInput, type EpisodeResult, type VerifiedSelection } from './compute-deterrence';
import type { Interval } from './exact-interval';
import type { RetaliationSummary } from './retaliation';

/**
 * GET /patrols/{id}/deterrence: the patrol's presence episodes (its stops, or its area's
 * centre) summed day by day — `atRisk` counts episode-days, so a patrol with three stops
 * can have up to 3 per day — with the episodes themselves for detail.
 */
export type PatrolDeterrenceResult = Readonly<{
  methodologyVersion: string;
  patrolId: string;
  radiusKm: number;
  asOf: string;
  /** Which incidents were counted (`?verified=`). */
  verified: VerifiedSelection;
  baseline: Readonly<{ days: number; count: number; countWithoutOwnUnit: number }>;
  days: readonly Readonly<{ day: number; count: number; atRisk: number; countWithoutOwnUnit: number; provisional: boolean }>[];
  rateRatio: number | null;
  ci95: Interval | null;
  horizonDays: number | null;
  provisional: boolean;
  /** Departed episodes summed; those under way have no window yet. */
  underWay: number;
  episodes: readonly EpisodeResult[];
  retaliation: RetaliationSummary;
}>;

export type PatrolDeterrenceInput = Omit<DeterrenceInput, 'filter' | 'groupBy' | 'vicinities'> & Readonly<{ patrolId: string }>;

export const computePatrolDeterrence = (input: PatrolDeterrenceInput): PatrolDeterrenceResult => {
  const { patrolId, ...rest } = input;
  const result = computeDeterrence({ ...rest, vicinities: [], filter: { sourceId: patrolId, kinds: ['patrol-stop', 'patrol-area'] } });
  const departed = result.perEpisode.filter((e) => e.departure !== null);
  const baseline = {
    days: result.baseline.days,
    count: result.baseline.incidents,
    countWithoutOwnUnit: result.withoutOwnUnit.baseline.incidents,
  };
  return {
    methodologyVersion: result.methodologyVersion,
    patrolId,
    radiusKm: result.radiusKm,
    asOf: result.asOf,
    verified: result.verified,
    baseline,
    days: result.days.map((d, j) => ({
      day: d.day,
      count: d.incidents,
      atRisk: d.atRisk,
      countWithoutOwnUnit: result.withoutOwnUnit.days[j].incidents,
      provisional: departed.length === 0 || d.provisional,
    })),
    rateRatio: result.rateRatio,
    ci95: result.ci95,
    horizonDays: result.horizonDays,
    provisional: departed.length === 0 || result.provisional,
    underWay: result.underWay,
    episodes: result.perEpisode,
    retaliation: result.retaliation,
  };
};
