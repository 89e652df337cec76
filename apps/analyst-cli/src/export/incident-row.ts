import { isVerified, type IncidentView } from '@poc/projections';
import { toAcledRow } from './acled-format';

export type Verified = 'only' | 'all';

const flatIncident = (i: IncidentView, verified: Verified) => ({
  incidentId: i.incidentId,
  occurredAt: i.occurredAt,
  recordedAt: i.recordedAt,
  kind: i.kind,
  fatalities: i.fatalities,
  injured: i.injured,
  targetsCivilians: i.targetsCivilians,
  source: i.source ?? '',
  timePrecision: i.timePrecision,
  lat: i.location.lat,
  lon: i.location.lon,
  geoPrecision: i.location.precision,
  place: i.location.place ?? '',
  cercle: i.location.cercle ?? '',
  region: i.location.region ?? '',
  corrections: i.corrections,
  description: i.description ?? '',
  perpetratorName: i.perpetrator?.name ?? '',
  perpetratorType: i.perpetrator?.type ?? '',
  targetName: i.target?.name ?? '',
  targetType: i.target?.type ?? '',
  verification: i.verification?.status ?? 'unverified',
  verifiedBy: i.verification?.by ?? '',
  verificationMethod: i.verification?.method ?? '',
  /** Which incidents the export holds: every one, or only the verified. */
  verified,
});

/**
 * An incident's export row in `format`, or undefined when `--verified only` leaves it out
 * (not verified as the read model knows it now).
 */
export const incidentRow = (incident: IncidentView, format: 'ndjson' | 'csv' | 'acled', verified: Verified): Record<string, unknown> | undefined => {
  if (verified === 'only' && !isVerified(incident)) return undefined;
  return format === 'acled' ? toAcledRow(incident) : flatIncident(incident, verified);
};
