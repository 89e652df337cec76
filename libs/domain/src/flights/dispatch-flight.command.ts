import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { toArea } from '../shared/location';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import { DEFAULT_FLIGHT_PURPOSE, FLIGHT_PURPOSES, type FlightDispatched, type FlightPurpose } from './flight.events';
import type { FlightState } from './flight.state';

export type DispatchFlight = Command<
  'DispatchFlight',
  {
    flightId: string;
    dispatchedAt: string;
    target: { lat: number; lon: number; radiusKm: number };
    alertIds?: readonly string[];
    aircraft?: string;
    unit?: string;
    /** Rapid response / deterrence when not given (DEFAULT_FLIGHT_PURPOSE). */
    purpose?: FlightPurpose;
    /** The dispatch time when not given: the aircraft left on the order. */
    takeOffAt?: string;
  }
>;

const purposeOf = (purpose: string | undefined): FlightPurpose => {
  if (purpose === undefined) return DEFAULT_FLIGHT_PURPOSE;
  if (!(FLIGHT_PURPOSES as readonly string[]).includes(purpose)) throw invalid(`purpose must be one of ${FLIGHT_PURPOSES.join(', ')}`, 'purpose');
  return purpose as FlightPurpose;
};

export const dispatchFlight = ({ data, context }: DispatchFlight, state: FlightState): FlightDispatched[] => {
  if (state.status !== 'unknown') throw conflict(`flight ${data.flightId} was already dispatched`);
  assertNotInFuture(data.dispatchedAt, context.now, 'dispatchedAt');
  const takeOffAt = data.takeOffAt ?? data.dispatchedAt;
  assertNotInFuture(takeOffAt, context.now, 'takeOffAt');
  assertNotBefore(takeOffAt, data.dispatchedAt, 'takeOffAt', 'dispatchedAt');
  return [
    {
      type: 'FlightDispatched',
      occurredAt: data.dispatchedAt,
      data: {
        flightId: data.flightId,
        dispatchedAt: data.dispatchedAt,
        target: toArea(data.target, 'target'),
        alertIds: [...(data.alertIds ?? [])],
        ...(data.aircraft !== undefined && { aircraft: data.aircraft }),
        ...(data.unit !== undefined && { unit: data.unit }),
        purpose: purposeOf(data.purpose),
        takeOffAt,
      },
    },
  ];
};
