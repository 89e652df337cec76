import { toLocation } from '@poc/domain';
import { type IncidentView, type Episode } from '@poc/projections';

/** Builders of the engine's inputs for tests: an episode or an incident view in one line. */

export const OGOSSAGOU = { lat: 14.15, lon: -3.62 } as const;

export const episode = (episodeId: string, point: { lat: number; lon: number }, arrivedAt: string, departedAt?: string, extra: Partial<Episode> = {}): Episode => ({
  episodeId,
  kind: 'patrol-stop',
  sourceId: episodeId,
  point,
  arrivedAt,
  ...(departedAt !== undefined && { departedAt }),
  operation: 'Buffalo',
  unit: 'BANBAT-1',
  cercle: 'Bankass',
  ...extra,
});

export type IncidentExtra = Partial<Omit<IncidentView, 'location'>> & { precision?: 1 | 2 | 3; cercle?: string };

/** An active, day- and place-precise attack on civilians, recorded when it occurred unless said. */
export const incident = (incidentId: string, point: { lat: number; lon: number }, occurredAt: string, extra: IncidentExtra = {}): IncidentView => {
  const { precision = 1, cercle = 'Bankass', ...rest } = extra;
  return {
    incidentId,
    status: 'active',
    occurredAt,
    recordedAt: occurredAt,
    location: toLocation({ ...point, precision, cercle, region: 'Mopti' }),
    kind: 'attack-on-civilians',
    fatalities: 0,
    injured: 0,
    targetsCivilians: true,
    timePrecision: 1,
    corrections: 0,
    ...rest,
  };
};

/** Noon UTC of a day, the usual time of a test incident. */
export const noon = (day: string): string => `${day}T12:00:00.000Z`;
