import type { Decider } from '../shared/domain-event';
import { allotFlightHours, type AllotFlightHours } from './allot-flight-hours.command';
import type { FlightHoursEvent } from './flight-hours.events';
import { evolveFlightHours, initialFlightHoursState, type FlightHoursState } from './flight-hours.state';

export type FlightHoursCommand = AllotFlightHours;

/** One stream per month: its allotment and every revision of it (category `flighthours`, apart from `flight-`). */
export const flightHoursStreamId = (month: string): string => `flighthours-${month}`;

export const flightHoursDecider: Decider<FlightHoursState, FlightHoursCommand, FlightHoursEvent> = {
  initialState: initialFlightHoursState,
  evolve: evolveFlightHours,
  decide: (command, state) => {
    switch (command.type) {
      case 'AllotFlightHours':
        return allotFlightHours(command, state);
    }
  },
};
