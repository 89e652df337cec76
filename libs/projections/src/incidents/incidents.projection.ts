import {
  utcDay,
  type IncidentActor,
  type IncidentEvent,
  type IncidentKind,
  type IncidentReported,
  type IncidentSource,
  type Location,
  type Stored,
  type StoredEvent,
  type TimePrecision,
  type VerificationMethod,
  type VerificationStatus,
} from '@poc/domain';
import { cellToParent } from 'h3-js';
import type { Projection } from '../projection';

export type IncidentView = Readonly<{
  incidentId: string;
  status: 'active' | 'retracted';
  occurredAt: string;
  /** When the store first took the report: analysts ask what was known by a date. */
  recordedAt: string;
  location: Location;
  kind: IncidentKind;
  fatalities: number;
  injured: number;
  targetsCivilians: boolean;
  source?: IncidentSource;
  timePrecision: TimePrecision;
  description?: string;
  reportingUnit?: string;
  perpetrator?: IncidentActor;
  target?: IncidentActor;
  corrections: number;
  /** The latest verification; absent = unverified. `by` is the recording API key's actor. */
  verification?: IncidentVerification;
  retraction?: Readonly<{ reason: string; retractedAt: string }>;
  /**
   * What was known before each later correction or retraction, with when that change was
   * recorded: `asKnownAt` rebuilds the view an analyst would have seen on a date.
   */
  superseded?: readonly Readonly<{ until: string; view: IncidentSnapshot }>[];
}>;

export type IncidentVerification = Readonly<{ status: VerificationStatus; by: string; method: VerificationMethod; note?: string; at: string }>;

export type IncidentSnapshot = Omit<IncidentView, 'superseded'>;

const snapshot = ({ superseded: _history, ...view }: IncidentView): IncidentSnapshot => view;

/** Remember the current view as superseded from `event`'s record time on. */
const supersede = (doc: IncidentView, event: StoredEvent): Pick<IncidentView, 'superseded'> => ({
  superseded: [...(doc.superseded ?? []), { until: event.recordedAt, view: snapshot(doc) }],
});

/**
 * The incident as the store knew it at `asOf` (by recorded time): undefined if not yet
 * reported, an earlier version if corrected or retracted since.
 */
export function asKnownAt(view: IncidentView, asOf: string | number): IncidentSnapshot | undefined;
/** Also of a part of the view that keeps its history (the deterrence engine's lean view). */
export function asKnownAt<V extends Pick<IncidentView, 'recordedAt' | 'superseded'>>(view: V, asOf: string | number): Omit<V, 'superseded'> | IncidentSnapshot | undefined;
export function asKnownAt<V extends Pick<IncidentView, 'recordedAt' | 'superseded'>>(view: V, asOf: string | number): Omit<V, 'superseded'> | IncidentSnapshot | undefined {
  // asOf also as epoch ms: a pooled query asks this of thousands of incidents at one instant.
  const at = typeof asOf === 'number' ? asOf : Date.parse(asOf);
  if (Date.parse(view.recordedAt) > at) return undefined;
  // Never corrected nor retracted: the view is its own snapshot, no copy needed.
  if (view.superseded === undefined) return view;
  const earlier = view.superseded.find((s) => Date.parse(s.until) > at);
  if (earlier) return earlier.view;
  const { superseded: _history, ...current } = view;
  return current;
}

/** The report's own fields, which the view copies as they are. */
const reported = (data: IncidentReported['data']): Omit<IncidentView, 'status' | 'occurredAt' | 'recordedAt' | 'corrections'> => data;

const evolve = (doc: IncidentView | undefined, stored: StoredEvent): IncidentView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Stored<IncidentEvent>;
  switch (event.type) {
    case 'IncidentReported':
      return { ...reported(event.data), status: 'active', occurredAt: event.occurredAt, recordedAt: event.recordedAt, corrections: 0 };
    case 'IncidentCorrected': {
      if (!doc) return doc;
      const { changes } = event.data;
      return { ...doc, ...changes, corrections: doc.corrections + 1, ...supersede(doc, event) };
    }
    case 'IncidentRetracted': {
      if (!doc) return doc;
      const { reason, retractedAt } = event.data;
      return { ...doc, status: 'retracted', retraction: { reason, retractedAt }, ...supersede(doc, event) };
    }
    case 'IncidentVerificationRecorded': {
      if (!doc) return doc;
      const { status, method, note, at } = event.data;
      // Superseded like a correction: an as-of query before it sees the status known then.
      const verification: IncidentVerification = { status, by: event.metadata.actor, method, ...(note !== undefined && { note }), at };
      return { ...doc, verification, ...supersede(doc, event) };
    }
    default:
      return doc;
  }
};

/** Whether an incident (as known at some instant, or now) counts under `?verified=only`. */
export const isVerified = (view: Pick<IncidentView, 'verification'>): boolean => view.verification?.status === 'verified';

/**
 * The resolution of the `h3_5` column, the parent of the incident's resolution-7 cell: a
 * pooled deterrence query fetches the incidents of tens of 25 km disks (1,141 resolution-7
 * cells each); by parent that is ~35 index seeks a disk instead of 1,141 (deterrence/cell-cover.ts).
 */
export const INCIDENT_COARSE_RESOLUTION = 5;

/**
 * What GET /deterrence reads of an incident, as columns (deterrence/lean-incident.ts builds
 * the engine's view from them); `key` is the incident id.
 */
export const DETERRENCE_INCIDENT_COLUMNS = [
  'key', 'status', 'occurred_at', 'recorded_at', 'h3', 'geo_precision', 'time_precision', 'targets_civilians', 'cercle', 'lat', 'lon', 'reporting_unit', 'history',
] as const;

export const incidentsProjection: Projection<IncidentView> = {
  name: 'incidents',
  // 2: keeps superseded versions for as-of queries. 3: the h3_5 column, indexes for GET /deterrence.
  // 4: lat, lon, reporting_unit, history, and (h3_5, occurred_day) covering what the engine reads.
  // 5: verification (superseded like corrections, so history > 0 once verified) and actors.
  version: 5,
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
      h3_5: 'text',
      geo_precision: 'integer',
      time_precision: 'integer',
      targets_civilians: 'integer',
      lat: 'real',
      lon: 'real',
      reporting_unit: 'text',
      /** How many superseded versions the document keeps (as-of queries need the document then). */
      history: 'integer',
    },
    // (h3_5, occurred_day): a seek per parent cell and day range for GET /deterrence, which
    // also reads the region-only incidents of some cercles and days through
    // (geo_precision, cercle, occurred_day): through (status, occurred_day, cercle) that was
    // every incident of those days, 24–40 ms at a million. The (h3_5, occurred_day) index also
    // holds every column of DETERRENCE_INCIDENT_COLUMNS: the query reads the index alone, not
    // ~4,000 table rows of ~420 bytes of JSON scattered over the file (half its inputs' time).
    indexes: [['status', 'occurred_day', 'cercle'], ['h3_5', 'occurred_day', ...DETERRENCE_INCIDENT_COLUMNS], ['geo_precision', 'cercle', 'occurred_day'], ['occurred_at'], ['kind']],
  },
  handles: ['IncidentReported', 'IncidentCorrected', 'IncidentRetracted', 'IncidentVerificationRecorded'],
  keysOf: (event) => [(event as Stored<IncidentEvent>).data.incidentId],
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
    h3_5: cellToParent(view.location.h3, INCIDENT_COARSE_RESOLUTION),
    geo_precision: view.location.precision,
    time_precision: view.timePrecision,
    targets_civilians: view.targetsCivilians ? 1 : 0,
    lat: view.location.lat,
    lon: view.location.lon,
    reporting_unit: view.reportingUnit ?? null,
    history: view.superseded?.length ?? 0,
  }),
};
