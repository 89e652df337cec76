import type { Decider } from '../shared/domain-event';
import { completeFlight, type CompleteFlight } from './complete-flight.command';
import { dispatchFlight, type DispatchFlight } from './dispatch-flight.command';
import type { FlightEvent } from './flight.events';
import { evolveFlight, initialFlightState, type FlightState } from './flight.state';

export type FlightCommand = DispatchFlight | CompleteFlight;

export const flightStreamId = (flightId: string): string => `flight-${flightId}`;

export const flightDecider: Decider<FlightState, FlightCommand, FlightEvent> = {
  initialState: initialFlightState,
  evolve: evolveFlight,
  decide: (command, state) => {
    switch (command.type) {
      case 'DispatchFlight':
        return dispatchFlight(command, state);
      case 'CompleteFlight':
        return completeFlight(command, state);
    }
  },
};
