import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { toArea } from '../shared/location';
import { assertNotInFuture } from '../shared/time';
import type { FlightDispatched } from './flight.events';
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
  }
>;

export const dispatchFlight = ({ data, context }: DispatchFlight, state: FlightState): FlightDispatched[] => {
  if (state.status !== 'unknown') throw conflict(`flight ${data.flightId} was already dispatched`);
  assertNotInFuture(data.dispatchedAt, context.now, 'dispatchedAt');
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
      },
    },
  ];
};
