import type { Location, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type IedView = Readonly<{
  iedId: string;
  status: 'detected' | 'neutralized' | 'detonated';
  detectedAt: string;
  location: Location;
  unit?: string;
  convoyId?: string;
  method?: string;
  resolvedAt?: string;
  casualties?: number;
}>;

const resolve = (doc: IedView | undefined, status: IedView['status'], event: StoredEvent): IedView | undefined => {
  if (!doc) return doc;
  const { at, casualties } = event.data as { at: string; casualties?: number };
  return { ...doc, status, resolvedAt: at, ...(casualties !== undefined && { casualties }) };
};

const evolve = (doc: IedView | undefined, event: StoredEvent): IedView | undefined => {
  switch (event.type) {
    case 'IedDetected':
      return { ...(event.data as Omit<IedView, 'status'>), status: 'detected' };
    case 'IedNeutralized':
      return resolve(doc, 'neutralized', event);
    case 'IedDetonated':
      return resolve(doc, 'detonated', event);
    default:
      return doc;
  }
};

export const iedsProjection: Projection<IedView> = {
  name: 'ieds',
  version: 1,
  collection: {
    name: 'ieds',
    columns: { status: 'text', detected_at: 'text', cercle: 'text', region: 'text', h3: 'text' },
    indexes: [['detected_at'], ['h3']],
  },
  handles: ['IedDetected', 'IedNeutralized', 'IedDetonated'],
  keysOf: (event) => [(event.data as { iedId: string }).iedId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    status: view.status,
    detected_at: view.detectedAt,
    cercle: view.location.cercle ?? null,
    region: view.location.region ?? null,
    h3: view.location.h3,
  }),
};
