import type { ReturnAssisted, ReturnEvent, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

/** One assisted return as recorded, with when the store took it (for as-of reports). */
export type ReturnView = ReturnAssisted['data'] & Readonly<{ recordedAt: string }>;

const evolve = (doc: ReturnView | undefined, stored: StoredEvent): ReturnView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<ReturnEvent>;
  switch (event.type) {
    case 'ReturnAssisted':
      return { ...event.data, recordedAt: event.recordedAt };
    default:
      return doc;
  }
};

export const returnsProjection: Projection<ReturnView> = {
  name: 'returns',
  version: 1,
  collection: {
    name: 'returns',
    columns: { commune: 'text', cercle: 'text', region: 'text', returned_at: 'text', recorded_at: 'text' },
    indexes: [['returned_at']],
  },
  handles: ['ReturnAssisted'],
  keysOf: (event) => [(event as Stored<ReturnEvent>).data.returnId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({ commune: view.commune, cercle: view.cercle, region: view.region, returned_at: view.returnedAt, recorded_at: view.recordedAt }),
};
