import { addDays, dayDiff, utcDay } from '@poc/domain';
import type { IncidentView } from '../incidents/incidents.projection';
import type { PatrolView } from '../patrols/patrols.projection';
import { BASELINE_DAYS, POST_WINDOW_DAYS } from './methodology';
import { countsInCurve } from './precision';
import { isWithin } from './vicinity';

export type PatrolDeterrence = Readonly<{
  patrolId: string;
  radiusKm: number;
  arrival: string;
  departure: string;
  baseline: Readonly<{ from: string; to: string; days: number; count: number }>;
  days: readonly Readonly<{ day: number; date: string; count: number; atRisk: number }>[];
}>;

/** Where the patrol was present: its stops, or its area's centre when it made none. */
export const presencePoints = (patrol: PatrolView): { lat: number; lon: number }[] =>
  patrol.stops.length > 0 ? patrol.stops.map((s) => s.location) : [patrol.area];

/** The days an incident search must cover for a patrol: baseline start to the window's end. */
export const searchWindow = (patrol: PatrolView & { endedAt: string }): { from: string; to: string } => ({
  from: addDays(utcDay(patrol.startedAt), -BASELINE_DAYS),
  to: addDays(utcDay(patrol.endedAt), POST_WINDOW_DAYS),
});

/**
 * @deprecated Methodology 0.1, kept for the query API until it moves to computeDeterrence /
 * computePatrolDeterrence (methodology 1.0.0): no attribution of overlaps, no censoring, no
 * trigger left out of the baseline.
 *
 * The simple case of DOMAIN.md's definition, for one completed patrol: incidents within
 * `radiusKm` of any presence point, per UTC day k = incident day − departure day (1..14;
 * day 0 is transition and left out), against the 28 days before arrival. A day not yet
 * reached `today` is not at risk.
 */
export const patrolDeterrence = (
  patrol: PatrolView & { endedAt: string },
  incidents: readonly IncidentView[],
  options: { radiusKm: number; today: string },
): PatrolDeterrence => {
  const points = presencePoints(patrol);
  const near = incidents.filter((i) => countsInCurve(i) && points.some((p) => isWithin(p, i.location, options.radiusKm)));
  const arrival = utcDay(patrol.startedAt);
  const departure = utcDay(patrol.endedAt);
  const { from } = searchWindow(patrol);
  const baselineTo = addDays(arrival, -1);
  const baselineCount = near.filter((i) => utcDay(i.occurredAt) >= from && utcDay(i.occurredAt) <= baselineTo).length;
  const days = Array.from({ length: POST_WINDOW_DAYS }, (_, index) => {
    const day = index + 1;
    const date = addDays(departure, day);
    return {
      day,
      date,
      count: near.filter((i) => dayDiff(departure, i.occurredAt) === day).length,
      atRisk: date <= utcDay(options.today) ? 1 : 0,
    };
  });
  return {
    patrolId: patrol.patrolId,
    radiusKm: options.radiusKm,
    arrival,
    departure,
    baseline: { from, to: baselineTo, days: BASELINE_DAYS, count: baselineCount },
    days,
  };
};
