import { invalid } from '../shared/domain-error';
import { toLocation } from '../shared/location';
import { assertNotBefore, assertNotInFuture, toMillis } from '../shared/time';
import type { PatrolStop } from './patrol.events';

export type StopInput = {
  lat: number;
  lon: number;
  arrivedAt: string;
  departedAt: string;
  overnight?: boolean;
  place?: string;
  cercle?: string;
  region?: string;
};

/** The patrol's own time; `endedAt` is unknown until completion. */
export type PatrolWindow = Readonly<{ startedAt: string; endedAt?: string }>;

/** A stop outside the patrol's time is a typing mistake, and would bias the deterrence curve. */
const checkWithin = (stop: PatrolStop, field: string, { startedAt, endedAt }: PatrolWindow): void => {
  assertNotBefore(stop.arrivedAt, startedAt, `${field}.arrivedAt`, 'the patrol started');
  if (endedAt !== undefined && toMillis(stop.departedAt) > toMillis(endedAt)) {
    const reason = `${field}.departedAt (${stop.departedAt}) is after the patrol ended (${endedAt})`;
    throw invalid(reason, `${field}.departedAt`);
  }
};

export const assertStopsWithin = (stops: readonly PatrolStop[], window: PatrolWindow): void =>
  stops.forEach((stop, i) => checkWithin(stop, `stops[${i}]`, window));

/**
 * Validates stops and returns them in time order, the order the deterrence model reads them.
 * Errors name a stop by its index in the input, which is what the client sent.
 */
export const toPatrolStops = (inputs: readonly StopInput[], now: string, window: PatrolWindow): PatrolStop[] => {
  const indexed = inputs.map((input, i) => {
    const field = `stops[${i}]`;
    assertNotInFuture(input.arrivedAt, now, `${field}.arrivedAt`);
    assertNotInFuture(input.departedAt, now, `${field}.departedAt`);
    assertNotBefore(input.departedAt, input.arrivedAt, `${field}.departedAt`, `${field}.arrivedAt`);
    const { lat, lon, place, cercle, region, arrivedAt, departedAt } = input;
    // A stop is where the patrol stood: an exact point (ACLED geo_precision 1).
    const location = toLocation({ lat, lon, precision: 1, place, cercle, region }, field);
    const stop: PatrolStop = { location, arrivedAt, departedAt, overnight: input.overnight ?? false };
    checkWithin(stop, field, window);
    return { stop, i };
  });
  indexed.sort((a, b) => toMillis(a.stop.arrivedAt) - toMillis(b.stop.arrivedAt));
  indexed.forEach(({ stop, i }, k) => {
    const previous = indexed[k - 1];
    if (previous && toMillis(stop.arrivedAt) < toMillis(previous.stop.departedAt)) {
      throw invalid(
        `stops[${i}] arrives (${stop.arrivedAt}) before stops[${previous.i}] departed (${previous.stop.departedAt})`,
        `stops[${i}].arrivedAt`,
      );
    }
  });
  return indexed.map(({ stop }) => stop);
};
