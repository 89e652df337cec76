import type { IedDetected, IedDetonated, IedEvent, IedNeutralized, IedStatus, Location, Stored, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type IedView = Readonly<{
  iedId: string;
  status: IedStatus;
  detectedAt: string;
  location: Location;
  unit?: string;
  convoyId?: string;
  method?: string;
  /** The supply route it was on; null when the report named none (IedDetected v2). */
  axis: string | null;
  resolvedAt?: string;
  casualties?: number;
}>;

const resolve = (doc: IedView | undefined, status: IedStatus, { at, casualties }: (IedNeutralized | IedDetonated)['data']): IedView | undefined => {
  if (!doc) return doc;
  return { ...doc, status, resolvedAt: at, ...(casualties !== undefined && { casualties }) };
};

/** The detection's own fields, which the view copies as they are. */
const detected = (data: IedDetected['data']): Omit<IedView, 'status'> => data;

const evolve = (doc: IedView | undefined, stored: StoredEvent): IedView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<IedEvent>;
  switch (event.type) {
    case 'IedDetected':
      return { ...detected(event.data), status: 'detected' };
    case 'IedNeutralized':
      return resolve(doc, 'neutralized', event.data);
    case 'IedDetonated':
      return resolve(doc, 'detonated', event.data);
    default:
      return doc;
  }
};

export const iedsProjection: Projection<IedView> = {
  name: 'ieds',
  // 2: the axis (IedDetected v2).
  version: 2,
  collection: {
    name: 'ieds',
    columns: { status: 'text', detected_at: 'text', cercle: 'text', region: 'text', h3: 'text' },
    indexes: [['detected_at'], ['h3']],
  },
  handles: ['IedDetected', 'IedNeutralized', 'IedDetonated'],
  keysOf: (event) => [(event as Stored<IedEvent>).data.iedId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    status: view.status,
    detected_at: view.detectedAt,
    cercle: view.location.cercle ?? null,
    region: view.location.region ?? null,
    h3: view.location.h3,
  }),
};
