import type { IncidentView } from '@poc/projections';
import { acledActors } from './acled-actors';

/**
 * ACLED's column names and codes (see ../shared/mission/DOMAIN.md), so analysts can set
 * our incidents beside ACLED's own for Mali. One row per incident, as currently known
 * (corrections applied, retractions left out).
 */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'inter1', 'actor2', 'inter2', 'interaction', 'country', 'iso',
  'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes',
  'fatalities', 'civilian_targeting', 'timestamp',
] as const;

const TYPES: Record<string, [string, string]> = {
  'attack-on-civilians': ['Violence against civilians', 'Attack'],
  abduction: ['Violence against civilians', 'Abduction/forced disappearance'],
  clash: ['Battles', 'Armed clash'],
  'ied-explosion': ['Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  looting: ['Strategic developments', 'Looting/property destruction'],
  other: ['Strategic developments', 'Other'],
};

/** Callers and community informants risk reprisals: ACLED's own convention hides them. */
const SOURCE_SCALE: Record<string, string> = { hotline: 'Undisclosed Source', civilian: 'Undisclosed Source', uniformed: 'Other', media: 'National' };

export const toAcledRow = (incident: IncidentView): Record<(typeof ACLED_COLUMNS)[number], string | number> => {
  const [eventType, subEventType] = TYPES[incident.kind] ?? TYPES.other!;
  return {
    event_id_cnty: `MLI-POC-${incident.incidentId}`,
    event_date: incident.occurredAt.slice(0, 10),
    year: Number(incident.occurredAt.slice(0, 4)),
    time_precision: incident.timePrecision,
    event_type: eventType,
    sub_event_type: subEventType,
    ...acledActors(incident),
    country: 'Mali',
    iso: 466,
    admin1: incident.location.region ?? '',
    admin2: incident.location.cercle ?? '',
    location: incident.location.place ?? incident.location.cercle ?? '',
    latitude: Number(incident.location.lat.toFixed(4)),
    longitude: Number(incident.location.lon.toFixed(4)),
    geo_precision: incident.location.precision,
    source: `Mission incident tracking${incident.source ? ` (${incident.source})` : ''}`,
    source_scale: SOURCE_SCALE[incident.source ?? ''] ?? 'Other',
    notes: incident.description ?? '',
    fatalities: incident.fatalities,
    civilian_targeting: incident.targetsCivilians ? 'Civilian targeting' : '',
    timestamp: Math.floor(Date.parse(incident.recordedAt) / 1000),
  };
};
