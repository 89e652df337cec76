import type { BaseEvent, Location, OperatingBaseEstablished, Stored, StoredEvent } from '@poc/domain';
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

/** The establishment's own fields, which the view copies as they are. */
const established = (data: OperatingBaseEstablished['data']): Omit<BaseView, 'status'> => data;

const evolve = (doc: BaseView | undefined, stored: StoredEvent): BaseView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<BaseEvent>;
  switch (event.type) {
    case 'OperatingBaseEstablished':
      return { ...established(event.data), status: 'open' };
    case 'OperatingBaseClosed':
      return doc && { ...doc, status: 'closed', closedAt: event.data.closedAt };
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
  keysOf: (event) => [(event as Stored<BaseEvent>).data.baseId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    status: view.status,
    established_at: view.establishedAt,
    cercle: view.location.cercle ?? null,
    h3: view.location.h3,
  }),
};
