import { flightHoursStreamId, flightStreamId, type FlightPurpose } from '@poc/domain';
import { ANSONGO, BANDIAGARA, GAO, KORO } from './places';
import { at, plusHours, type Rng } from './prng';
import { step, type Step } from './scenario-step';

/**
 * Hours allotted per month: cut from April, when COVID-19 travel limits stopped crew
 * rotation and spare parts (CONTEXT.md).
 */
export const MONTHLY_ALLOTMENTS: readonly (readonly [string, number])[] = [
  ['2020-01', 120],
  ['2020-02', 120],
  ['2020-03', 120],
  ['2020-04', 80],
  ['2020-05', 60],
];

/** Sorties per month by purpose: the priority order keeps evacuations and rapid response flying when hours fall. */
const PLAN: Readonly<Record<string, Partial<Record<FlightPurpose, number>>>> = {
  '2020-01': { 'casualty-evacuation': 4, 'priority-task': 6, logistics: 8, rotation: 6 },
  '2020-02': { 'casualty-evacuation': 5, 'priority-task': 6, logistics: 8, rotation: 6 },
  '2020-03': { 'casualty-evacuation': 6, 'priority-task': 5, logistics: 7, rotation: 5 },
  '2020-04': { 'casualty-evacuation': 5, 'priority-task': 4, logistics: 3, rotation: 1 },
  '2020-05': { 'casualty-evacuation': 4, 'priority-task': 3, logistics: 2 },
};

const HOURS: Readonly<Record<string, readonly [number, number]>> = {
  'casualty-evacuation': [1.5, 3],
  'priority-task': [1, 2.5],
  logistics: [2, 3.5],
  rotation: [3, 4.5],
};

/** The mission's other flights (the deterrent ones answer alerts in hotline-alerts.ts) and each month's allotment. */
export const flightProgramme = (rng: Rng): Step[] => {
  const steps: Step[] = MONTHLY_ALLOTMENTS.map(([month, hours]) =>
    step('flightHours', flightHoursStreamId(month), at(`${month}-01`, 7), {
      type: 'AllotFlightHours',
      data: { month, hours, note: hours < 120 ? 'cut: crews not rotated, spare parts held up (COVID-19 travel limits)' : 'monthly allotment' },
    }));
  for (const [month, plan] of Object.entries(PLAN)) {
    const lastDay = month === '2020-05' ? 18 : 27;
    for (const [purpose, n] of Object.entries(plan) as [FlightPurpose, number][]) {
      for (let i = 0; i < n; i++) {
        const flightId = rng.uuid();
        const stream = flightStreamId(flightId);
        const dispatchedAt = at(`${month}-${String(rng.int(2, lastDay)).padStart(2, '0')}`, rng.int(6, 14));
        const takeOffAt = plusHours(dispatchedAt, rng.between(0.2, 0.8));
        const completedAt = plusHours(takeOffAt, rng.between(...HOURS[purpose]!));
        const to = rng.pick([GAO, ANSONGO, KORO, BANDIAGARA]);
        steps.push(
          // Recorded once airborne: the take-off it states has happened.
          step('flight', stream, plusHours(takeOffAt, 0.1), {
            type: 'DispatchFlight',
            data: { flightId, dispatchedAt, takeOffAt, purpose, target: { lat: to.lat, lon: to.lon, radiusKm: 5 }, aircraft: purpose === 'rotation' ? 'C-295' : 'Mi-8', unit: 'Aviation unit Gao' },
          }),
          step('flight', stream, plusHours(completedAt, 0.3), { type: 'CompleteFlight', data: { flightId, completedAt } }),
        );
      }
    }
  }
  return steps;
};
