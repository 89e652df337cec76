import { addDays, alertStreamId, dayDiff, flightStreamId, type AlertOutcome, type FlightCompletionOutcome } from '@poc/domain';
import { BANKASS, BUFFALO_PLACES, OGOSSAGOU, labels, near, type Place } from './places';
import { at, plusHours, type Rng } from './prng';
import { SCENARIO_DAYS, step, type Presence, type Step } from './scenario-step';

const ALERT_COUNT = 20;
/** Early March 2020: after deadly attacks on villages in Bankass cercle, the hotline rang (CONTEXT.md). */
const BANKASS_SERIES = { from: '2020-03-02', days: 8, count: 6 };

const AIRCRAFT = ['Mi-8', 'Mi-17', 'Puma'];

type Call = Readonly<{ day: string; place: Place }>;

const calls = (rng: Rng): Call[] => {
  const series = Array.from({ length: BANKASS_SERIES.count }, () => ({
    day: addDays(BANKASS_SERIES.from, rng.int(0, BANKASS_SERIES.days - 1)),
    place: rng.pick([OGOSSAGOU, BANKASS]),
  }));
  const rest = Array.from({ length: ALERT_COUNT - series.length }, () => ({
    day: addDays(SCENARIO_DAYS.from, rng.int(0, dayDiff(SCENARIO_DAYS.from, SCENARIO_DAYS.to))),
    place: rng.weighted(BUFFALO_PLACES),
  }));
  return [...series, ...rest];
};

/**
 * Hotline alerts, each triaged; flash and immediate ones answered by a deterrent flight over
 * the threatened area, then closed once the feared attack's window has passed.
 */
export const hotlineAlerts = (rng: Rng): { steps: Step[]; presences: Presence[] } => {
  const steps: Step[] = [];
  const presences: Presence[] = [];
  for (const { day, place } of calls(rng)) {
    const alertId = rng.uuid();
    const alertStream = alertStreamId(alertId);
    const receivedAt = at(day, rng.between(0, 23));
    const point = near(rng, place, 6);
    const kind = rng.weighted([['attack-on-civilians', 4], ['armed-group-movement', 1]] as const);
    steps.push(
      step('alert', alertStream, plusHours(receivedAt, 0.02), {
        type: 'ReceiveAlert',
        data: {
          alertId,
          channel: 'hotline',
          receivedAt,
          // Callers name a village, not a point: precision 2, near a town.
          location: { ...point, precision: 2, ...labels(place) },
          threat: { kind, expectedAt: plusHours(receivedAt, rng.between(2, 12)) },
          description: kind === 'attack-on-civilians' ? `Armed men seen gathering near ${place.place}` : `Motorbikes moving towards ${place.place}`,
        },
      }),
    );
    const triagedAt = plusHours(receivedAt, rng.between(0.1, 0.4));
    const priority = rng.weighted([['flash', 6], ['immediate', 3], ['routine', 1]] as const);
    steps.push(
      step('alert', alertStream, triagedAt, {
        type: 'TriageAlert',
        data: { alertId, priority, reliability: rng.pick(['B', 'C'] as const), credibility: rng.int(2, 3) },
      }),
    );
    let outcome: AlertOutcome = rng.chance(0.5) ? 'unfounded' : 'other';
    let closedAt = plusHours(triagedAt, rng.between(12, 30));
    if (priority !== 'routine') {
      const flightId = rng.uuid();
      const flightStream = flightStreamId(flightId);
      const dispatchedAt = plusHours(triagedAt, rng.between(0.3, 1.5));
      const from = plusHours(dispatchedAt, rng.between(0.4, 0.8));
      const to = plusHours(from, rng.between(0.5, 1));
      const completedAt = plusHours(to, rng.between(0.5, 0.8));
      const seen: FlightCompletionOutcome = rng.chance(0.75) ? 'dispersal-observed' : 'nothing-observed';
      steps.push(
        step('flight', flightStream, dispatchedAt, {
          type: 'DispatchFlight',
          data: {
            flightId,
            dispatchedAt,
            target: { lat: point.lat, lon: point.lon, radiusKm: 10 },
            alertIds: [alertId],
            aircraft: rng.pick(AIRCRAFT),
            unit: 'Aviation unit Mopti',
          },
        }),
        step('flight', flightStream, plusHours(completedAt, rng.between(0.1, 0.5)), {
          type: 'CompleteFlight',
          data: { flightId, completedAt, overTargetFrom: from, overTargetTo: to, outcome: seen },
        }),
      );
      presences.push({ ...point, from, to });
      outcome = seen === 'dispersal-observed' || rng.chance(0.5) ? 'attack-prevented' : 'unfounded';
      closedAt = plusHours(completedAt, rng.between(8, 30));
    }
    steps.push(step('alert', alertStream, closedAt, { type: 'CloseAlert', data: { alertId, outcome, closedAt } }));
  }
  return { steps, presences };
};
