import type { FlightHoursEvent } from './flight-hours.events';

export type FlightHoursState = Readonly<{ status: 'unknown' }> | Readonly<{ status: 'allotted'; month: string; hours: number }>;

export const initialFlightHoursState = (): FlightHoursState => ({ status: 'unknown' });

export const evolveFlightHours = (_state: FlightHoursState, event: FlightHoursEvent): FlightHoursState => {
  switch (event.type) {
    case 'FlightHoursAllotted':
      return { status: 'allotted', month: event.data.month, hours: event.data.hours };
  }
};
