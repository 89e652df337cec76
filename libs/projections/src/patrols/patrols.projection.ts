import type { Area, Location, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type PatrolStopView = Readonly<{ location: Location; arrivedAt: string; departedAt: string; overnight: boolean }>;

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

type Deployed = Omit<PatrolView, 'status' | 'endedAt' | 'alertIds'> & { alertIds?: string[] };

const evolve = (doc: PatrolView | undefined, event: StoredEvent): PatrolView | undefined => {
  switch (event.type) {
    case 'PatrolDeployed': {
      const data = event.data as Deployed;
      return { ...data, status: 'deployed', alertIds: data.alertIds ?? [] };
    }
    case 'PatrolCompleted': {
      if (!doc) return doc;
      const { endedAt, stops } = event.data as { endedAt: string; stops: PatrolStopView[] };
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
  keysOf: (event) => [(event.data as { patrolId: string }).patrolId],
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
