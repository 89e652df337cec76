import type { Area, StoredEvent } from '@poc/domain';
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
  outcome?: string;
}>;

const evolve = (doc: FlightView | undefined, event: StoredEvent): FlightView | undefined => {
  switch (event.type) {
    case 'FlightDispatched': {
      const data = event.data as Omit<FlightView, 'status' | 'passes'>;
      return { ...data, status: 'dispatched', passes: [] };
    }
    case 'DeterrentPassFlown': {
      if (!doc) return doc;
      const { from, to } = event.data as { from: string; to: string };
      return { ...doc, passes: [...doc.passes, { from, to }] };
    }
    case 'FlightCompleted': {
      if (!doc) return doc;
      const { completedAt, outcome } = event.data as { completedAt: string; outcome?: string };
      return { ...doc, status: 'completed', completedAt, ...(outcome !== undefined && { outcome }) };
    }
    case 'FlightAborted': {
      if (!doc) return doc;
      const { abortedAt } = event.data as { abortedAt: string };
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
  keysOf: (event) => [(event.data as { flightId: string }).flightId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ status: view.status, dispatched_at: view.dispatchedAt, h3: view.target.h3 }),
};
