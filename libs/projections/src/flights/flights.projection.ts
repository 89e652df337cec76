import { toMillis, type Area, type FlightDispatched, type FlightEvent, type FlightOutcome, type FlightPurpose, type Stored, type StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type FlightView = Readonly<{
  flightId: string;
  status: 'dispatched' | 'completed' | 'aborted';
  dispatchedAt: string;
  target: Area;
  alertIds: readonly string[];
  aircraft?: string;
  unit?: string;
  passes: readonly Readonly<{ from: string; to: string }>[];
  completedAt?: string;
  outcome?: FlightOutcome;
  purpose: FlightPurpose;
  takeOffAt: string;
  /** completedAt − takeOffAt in hours, once the flight is back (completed or aborted). */
  flightHours?: number;
}>;

const HOUR_MS = 3_600_000;

/** Hours airborne, from take-off to the end the flight reported. */
const hoursFlown = (doc: FlightView, endedAt: string): number => (toMillis(endedAt) - toMillis(doc.takeOffAt)) / HOUR_MS;

/** The dispatch's own fields, which the view copies as they are. */
const dispatched = (data: FlightDispatched['data']): Omit<FlightView, 'status' | 'passes'> => data;

const evolve = (doc: FlightView | undefined, stored: StoredEvent): FlightView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<FlightEvent>;
  switch (event.type) {
    case 'FlightDispatched':
      return { ...dispatched(event.data), status: 'dispatched', passes: [] };
    case 'DeterrentPassFlown': {
      if (!doc) return doc;
      const { from, to } = event.data;
      return { ...doc, passes: [...doc.passes, { from, to }] };
    }
    case 'FlightCompleted': {
      if (!doc) return doc;
      const { completedAt, outcome } = event.data;
      return { ...doc, status: 'completed', completedAt, ...(outcome !== undefined && { outcome }), flightHours: hoursFlown(doc, completedAt) };
    }
    case 'FlightAborted': {
      if (!doc) return doc;
      const { abortedAt } = event.data;
      return { ...doc, status: 'aborted', completedAt: abortedAt, outcome: 'aborted', flightHours: hoursFlown(doc, abortedAt) };
    }
    default:
      return doc;
  }
};

export const flightsProjection: Projection<FlightView> = {
  name: 'flights',
  // 2: purpose, take-off time and flight hours (FlightDispatched v2).
  version: 2,
  collection: {
    name: 'flights',
    columns: { status: 'text', dispatched_at: 'text', h3: 'text', take_off_at: 'text', purpose: 'text' },
    indexes: [['dispatched_at'], ['h3'], ['take_off_at']],
  },
  handles: ['FlightDispatched', 'DeterrentPassFlown', 'FlightCompleted', 'FlightAborted'],
  keysOf: (event) => [(event as Stored<FlightEvent>).data.flightId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ status: view.status, dispatched_at: view.dispatchedAt, h3: view.target.h3, take_off_at: view.takeOffAt, purpose: view.purpose }),
};
