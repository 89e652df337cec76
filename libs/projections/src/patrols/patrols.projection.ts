import type { Area, PatrolDeployed, PatrolEvent, PatrolStop, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type PatrolStopView = PatrolStop;

export type PatrolView = Readonly<{
  patrolId: string;
  status: 'deployed' | 'completed';
  operation: string;
  unit: string;
  kind?: string;
  startedAt: string;
  endedAt?: string;
  area: Area;
  stops: readonly PatrolStopView[];
  alertIds: readonly string[];
}>;

/** The deployment's own fields, which the view copies as they are. */
const deployed = (data: PatrolDeployed['data']): Omit<PatrolView, 'status' | 'endedAt'> => data;

const evolve = (doc: PatrolView | undefined, stored: StoredEvent): PatrolView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<PatrolEvent>;
  switch (event.type) {
    case 'PatrolDeployed':
      // The decider always writes alertIds; a stored event without them still reads as none.
      return { ...deployed(event.data), status: 'deployed', alertIds: event.data.alertIds ?? [] };
    case 'PatrolCompleted': {
      if (!doc) return doc;
      const { endedAt, stops } = event.data;
      return { ...doc, status: 'completed', endedAt, stops: [...doc.stops, ...stops] };
    }
    default:
      return doc;
  }
};

export const patrolsProjection: Projection<PatrolView> = {
  name: 'patrols',
  version: 1,
  collection: {
    name: 'patrols',
    columns: { status: 'text', operation: 'text', unit: 'text', started_at: 'text', ended_at: 'text', h3: 'text' },
    indexes: [['operation', 'started_at'], ['status'], ['h3']],
  },
  handles: ['PatrolDeployed', 'PatrolCompleted'],
  keysOf: (event) => [(event as Stored<PatrolEvent>).data.patrolId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    status: view.status,
    operation: view.operation,
    unit: view.unit,
    started_at: view.startedAt,
    ended_at: view.endedAt ?? null,
    h3: view.area.h3,
  }),
};
