import type { TobActivitiesSummary, TobSpeed, TobSpeedFromInformed } from '@poc/projections';
import { count, measure, part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

/**
 * TOBs as the letter measures them, from when the mission was informed, beside the older
 * figure from the attack itself (GET /bases/speed), and what they enabled.
 */
export const tobsSection = (speed: TobSpeedFromInformed, fromAttack: TobSpeed, activities: TobActivitiesSummary, period: Period): ReportSection => {
  const range = rangeParams(period);
  return {
    id: 'tobs',
    title: 'Temporary operating bases, from when the mission was informed',
    figures: [
      count('tobs.established', 'TOBs established', speed.bases, `/tobs/speed?${range}`),
      part('tobs.within48hOfInformed', 'set up within 48 h of the mission being informed', speed.within48h, speed.withInformed, `/tobs/speed?${range}`),
      measure('tobs.medianHoursFromInformed', 'median hours from being informed', speed.medianHours, 'hours', `/tobs/speed?${range}`),
      part('tobs.under48hOfAttack', 'up in under 48 h of the attack itself', fromAttack.under48h, fromAttack.withTrigger, `/bases/speed?${range}`),
      measure('tobs.medianHoursFromAttack', 'median hours from the attack', fromAttack.medianHours, 'hours', `/bases/speed?${range}`),
      count('tobs.activities', 'activities the TOBs enabled', activities.activities, `/tobs/activities?${range}`),
      ...activities.byKind.map((k) => count(`tobs.activities.${k.kind}`, k.kind, k.activities, `/tobs/activities?${range}&kind=${k.kind}`)),
      ...activities.byKindAndCercle.map((k) =>
        count(`tobs.activities.${k.kind}.${k.cercle}`, `${k.kind} in ${k.cercle} cercle`, k.activities, `/tobs/activities?${range}&kind=${k.kind}&cercle=${encodeURIComponent(k.cercle)}`)),
    ],
  };
};
