import type { Location, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type BaseView = Readonly<{
  baseId: string;
  status: 'open' | 'closed';
  name?: string;
  establishedAt: string;
  closedAt?: string;
  location: Location;
  triggerIncidentId?: string;
}>;

const evolve = (doc: BaseView | undefined, event: StoredEvent): BaseView | undefined => {
  switch (event.type) {
    case 'OperatingBaseEstablished':
      return { ...(event.data as Omit<BaseView, 'status'>), status: 'open' };
    case 'OperatingBaseClosed':
      return doc && { ...doc, status: 'closed', closedAt: (event.data as { closedAt: string }).closedAt };
    default:
      return doc;
  }
};

export const basesProjection: Projection<BaseView> = {
  name: 'bases',
  version: 1,
  collection: {
    name: 'bases',
    columns: { status: 'text', established_at: 'text', cercle: 'text', h3: 'text' },
    indexes: [['established_at'], ['h3']],
  },
  handles: ['OperatingBaseEstablished', 'OperatingBaseClosed'],
  keysOf: (event) => [(event.data as { baseId: string }).baseId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    status: view.status,
    established_at: view.establishedAt,
    cercle: view.location.cercle ?? null,
    h3: view.location.h3,
  }),
};
