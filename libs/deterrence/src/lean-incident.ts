import type { Location } from '@poc/domain';
import { DETERRENCE_INCIDENT_COLUMNS, type IncidentView, type ColumnValue } from '@poc/projections';

/**
 * What the deterrence engine reads of an incident: a full IncidentView is one, and so is the
 * lean view built from the incidents read model's columns (`fromColumns`), which GET
 * /deterrence reads from an index alone instead of parsing ~4,000 documents.
 */
export type EngineIncident = Pick<IncidentView, 'incidentId' | 'status' | 'occurredAt' | 'recordedAt' | 'timePrecision' | 'targetsCivilians' | 'reportingUnit' | 'verification' | 'superseded'> &
  Readonly<{ location: Pick<Location, 'lat' | 'lon' | 'precision' | 'cercle' | 'h3'> }>;

/** An engine incident as known at some instant (asKnownAt): no history. */
export type EngineSnapshot = Omit<EngineIncident, 'superseded'>;

/** A row of DETERRENCE_INCIDENT_COLUMNS, in that order. */
type Row = readonly ColumnValue[];
const [KEY, STATUS, OCCURRED_AT, RECORDED_AT, H3, GEO_PRECISION, TIME_PRECISION, TARGETS_CIVILIANS, CERCLE, LAT, LON, REPORTING_UNIT, HISTORY] = DETERRENCE_INCIDENT_COLUMNS.map((_, i) => i);

/** The incident's resolution-7 cell in a row of DETERRENCE_INCIDENT_COLUMNS. */
export const cellOfRow = (row: Row): string => row[H3] as string;
/** The incident id in such a row. */
export const keyOfRow = (row: Row): string => row[KEY] as string;

/**
 * The engine's view of an incident from its columns (a row of DETERRENCE_INCIDENT_COLUMNS), or
 * undefined when only its document will do: it keeps superseded versions (as-of queries need
 * them), or the row predates the columns (a read model built by version 3 of the projection,
 * NULL until `rebuild --outdated`). Optional fields are left out when NULL, as the document
 * leaves them out, so the engine sees the same values either way (lean-incident.unit.spec.ts).
 * A verification is kept as a superseded version too, so a row with no history was never
 * verified: the lean view has no `verification` (unverified), as its document has none.
 */
export const fromColumns = (row: Row): EngineIncident | undefined => {
  if (row[LAT] === null || row[LON] === null || row[HISTORY] !== 0) return undefined;
  const location: { -readonly [K in keyof EngineIncident['location']]: EngineIncident['location'][K] } = {
    lat: row[LAT] as number,
    lon: row[LON] as number,
    precision: row[GEO_PRECISION] as Location['precision'],
    h3: row[H3] as string,
  };
  if (row[CERCLE] !== null) location.cercle = row[CERCLE] as string;
  const incident: { -readonly [K in keyof EngineIncident]: EngineIncident[K] } = {
    incidentId: row[KEY] as string,
    status: row[STATUS] as IncidentView['status'],
    occurredAt: row[OCCURRED_AT] as string,
    recordedAt: row[RECORDED_AT] as string,
    timePrecision: row[TIME_PRECISION] as IncidentView['timePrecision'],
    targetsCivilians: row[TARGETS_CIVILIANS] === 1,
    location,
  };
  if (row[REPORTING_UNIT] !== null) incident.reportingUnit = row[REPORTING_UNIT] as string;
  return incident;
};
