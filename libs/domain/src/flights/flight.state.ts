import type { Area } from '../shared/location';
import type { FlightEvent } from './flight.events';

export type FlightState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{ status: 'dispatched' | 'completed' | 'aborted'; flightId: string; dispatchedAt: string; takeOffAt: string; target: Area }>;

export const initialFlightState = (): FlightState => ({ status: 'unknown' });

export const evolveFlight = (state: FlightState, event: FlightEvent): FlightState => {
  switch (event.type) {
    case 'FlightDispatched':
      return {
        status: 'dispatched',
        flightId: event.data.flightId,
        dispatchedAt: event.data.dispatchedAt,
        takeOffAt: event.data.takeOffAt,
        target: event.data.target,
      };
    case 'DeterrentPassFlown':
      return state;
    case 'FlightCompleted':
      return state.status === 'unknown' ? state : { ...state, status: 'completed' };
    case 'FlightAborted':
      return state.status === 'unknown' ? state : { ...state, status: 'aborted' };
  }
};
