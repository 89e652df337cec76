import { utcDay, type Location, type StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type IncidentView = Readonly<{
  incidentId: string;
  status: 'active' | 'retracted';
  occurredAt: string;
  /** When the store first took the report: analysts ask what was known by a date. */
  recordedAt: string;
  location: Location;
  kind: string;
  fatalities: number;
  injured: number;
  targetsCivilians: boolean;
  source?: string;
  timePrecision: number;
  description?: string;
  reportingUnit?: string;
  corrections: number;
  retraction?: Readonly<{ reason: string; retractedAt: string }>;
}>;

type Reported = Omit<IncidentView, 'status' | 'occurredAt' | 'recordedAt' | 'corrections' | 'retraction'>;
type Changes = Partial<Omit<Reported, 'incidentId'> & { occurredAt: string }>;

const evolve = (doc: IncidentView | undefined, event: StoredEvent): IncidentView | undefined => {
  switch (event.type) {
    case 'IncidentReported': {
      const data = event.data as Reported;
      return { ...data, status: 'active', occurredAt: event.occurredAt, recordedAt: event.recordedAt, corrections: 0 };
    }
    case 'IncidentCorrected': {
      if (!doc) return doc;
      const { changes } = event.data as { changes: Changes };
      return { ...doc, ...changes, corrections: doc.corrections + 1 };
    }
    case 'IncidentRetracted': {
      if (!doc) return doc;
      const { reason, retractedAt } = event.data as { reason: string; retractedAt: string };
      return { ...doc, status: 'retracted', retraction: { reason, retractedAt } };
    }
    default:
      return doc;
  }
};

export const incidentsProjection: Projection<IncidentView> = {
  name: 'incidents',
  version: 1,
  collection: {
    name: 'incidents',
    columns: {
      status: 'text',
      occurred_at: 'text',
      occurred_day: 'text',
      recorded_at: 'text',
      kind: 'text',
      cercle: 'text',
      region: 'text',
      h3: 'text',
      geo_precision: 'integer',
      time_precision: 'integer',
      targets_civilians: 'integer',
    },
    indexes: [['status', 'occurred_day', 'cercle'], ['h3', 'occurred_day'], ['occurred_at'], ['kind']],
  },
  handles: ['IncidentReported', 'IncidentCorrected', 'IncidentRetracted'],
  keysOf: (event) => [(event.data as { incidentId: string }).incidentId],
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => ({
    status: view.status,
    occurred_at: view.occurredAt,
    occurred_day: utcDay(view.occurredAt),
    recorded_at: view.recordedAt,
    kind: view.kind,
    cercle: view.location.cercle ?? null,
    region: view.location.region ?? null,
    h3: view.location.h3,
    geo_precision: view.location.precision,
    time_precision: view.timePrecision,
    targets_civilians: view.targetsCivilians ? 1 : 0,
  }),
};
