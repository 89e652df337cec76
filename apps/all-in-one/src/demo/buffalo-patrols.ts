import { addDays, distanceKm, patrolStreamId, type StopInput } from '@poc/domain';
import { BANDIAGARA, BANKASS, BUFFALO_PLACES, KORO, labels, near, round, type Place } from './places';
import { at, plusHours, type Rng } from './prng';
import { step, type Presence, type Step } from './scenario-step';

const PATROL_COUNT = 12;
const FIRST_START = '2020-02-03';

/** Police-led formed units and mixed teams; names are illustrative, not the real contingents. */
const UNITS = ['FPU Mopti 1', 'FPU Mopti 2', 'FPU Sévaré', 'UNPOL mixed team Bandiagara', 'UNPOL mixed team Koro'];

export type PatrolPlan = Readonly<{ patrolId: string; streamId: string; stops: readonly StopInput[]; endedAt: string }>;

/** Patrols set out from a cercle seat and spend their nights in the villages around it. */
const route = (rng: Rng, home: Place, nights: number): Place[] => {
  const byDistance = BUFFALO_PLACES.filter(([p]) => p !== home)
    .map(([p, w]) => [p, w / (1 + distanceKm(home, p) / 30)] as const);
  const chosen: Place[] = [home];
  while (chosen.length < nights) {
    const candidates = byDistance.filter(([p]) => !chosen.includes(p));
    chosen.push(rng.weighted(candidates));
  }
  // The first night may be at home or out: rotate so patrols do not all start at the seat.
  return rng.chance(0.5) ? chosen : [...chosen.slice(1), chosen[0]!];
};

const stopsOf = (rng: Rng, places: readonly Place[], day: string): StopInput[] =>
  places.map((place, night) => {
    const arrivedAt = at(addDays(day, night), rng.between(15, 18));
    const departedAt = at(addDays(day, night + 1), rng.between(6, 8));
    // A night camp in one of the villages around the named one.
    return { ...near(rng, place, 6), arrivedAt, departedAt, overnight: true, ...labels(place) };
  });

/** The area a patrol covers: around its stops, wide enough to hold all of them. */
const areaOf = (stops: readonly StopInput[]): { lat: number; lon: number; radiusKm: number } => {
  const lat = round(stops.reduce((s, x) => s + x.lat, 0) / stops.length);
  const lon = round(stops.reduce((s, x) => s + x.lon, 0) / stops.length);
  const reach = Math.max(...stops.map((s) => distanceKm({ lat, lon }, s)));
  return { lat, lon, radiusKm: Math.ceil(reach + 10) };
};

/**
 * About one long-range patrol a week through February–April 2020, each with 2–4 nights out,
 * deployed (stops unknown yet) and completed with the stops it actually made.
 */
export const buffaloPatrols = (rng: Rng): { steps: Step[]; plans: PatrolPlan[]; presences: Presence[] } => {
  const steps: Step[] = [];
  const plans: PatrolPlan[] = [];
  const homes = [BANKASS, KORO, BANDIAGARA];
  for (let i = 0; i < PATROL_COUNT; i++) {
    const patrolId = rng.uuid();
    const streamId = patrolStreamId(patrolId);
    const day = addDays(FIRST_START, i * 7 + rng.int(0, 2));
    const startedAt = at(day, rng.between(5, 7));
    const stops = stopsOf(rng, route(rng, homes[i % homes.length]!, rng.int(2, 4)), day);
    const endedAt = plusHours(stops[stops.length - 1]!.departedAt, rng.between(3, 7));
    steps.push(
      step('patrol', streamId, plusHours(startedAt, 0.25), {
        type: 'DeployPatrol',
        data: { patrolId, operation: 'Buffalo', unit: rng.pick(UNITS), kind: 'long-range', startedAt, area: areaOf(stops) },
      }),
      // The stops come back with the patrol: they are reported when it returns.
      step('patrol', streamId, plusHours(endedAt, rng.between(1, 3)), {
        type: 'CompletePatrol',
        data: { patrolId, endedAt, stops },
      }),
    );
    plans.push({ patrolId, streamId, stops, endedAt });
  }
  const presences = plans.flatMap((p) => p.stops.map((s) => ({ lat: s.lat, lon: s.lon, from: s.arrivedAt, to: s.departedAt })));
  return { steps, plans, presences };
};
