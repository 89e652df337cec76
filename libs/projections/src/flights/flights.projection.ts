import type { Area, FlightDispatched, FlightEvent, FlightOutcome, Stored, StoredEvent } from '@poc/domain';
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
}>;

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
      return { ...doc, status: 'completed', completedAt, ...(outcome !== undefined && { outcome }) };
    }
    case 'FlightAborted': {
      if (!doc) return doc;
      const { abortedAt } = event.data;
      return { ...doc, status: 'aborted', completedAt: abortedAt, outcome: 'aborted' };
    }
    default:
      return doc;
  }
};

export const flightsProjection: Projection<FlightView> = {
  name: 'flights',
  version: 1,
  collection: {
    name: 'flights',
    columns: { status: 'text', dispatched_at: 'text', h3: 'text' },
    indexes: [['dispatched_at'], ['h3']],
  },
  handles: ['FlightDispatched', 'DeterrentPassFlown', 'FlightCompleted', 'FlightAborted'],
  keysOf: (event) => [(event as Stored<FlightEvent>).data.flightId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ status: view.status, dispatched_at: view.dispatchedAt, h3: view.target.h3 }),
};
