import { invalid } from '../shared/domain-error';
import type { IncidentActor, IncidentKind, TimePrecision } from './incident.events';

/** ACLED's "violence against civilians" covers attacks and abductions. */
const CIVILIAN_TARGETING_KINDS: readonly IncidentKind[] = ['attack-on-civilians', 'abduction'];

export const targetsCiviliansByDefault = (kind: IncidentKind): boolean => CIVILIAN_TARGETING_KINDS.includes(kind);

/** Fatalities and injured are counts of people (ACLED: the lowest reported figure). */
export const toCount = (value: number, field: string): number => {
  if (!Number.isInteger(value) || value < 0) throw invalid(`${field} (${value}) must be a non-negative integer`, field);
  return value;
};

export const toTimePrecision = (value: number): TimePrecision => {
  if (value !== 1 && value !== 2 && value !== 3) throw invalid(`timePrecision (${value}) must be 1, 2 or 3`, 'timePrecision');
  return value;
};

/** A blank name says nothing an absent one does not: it is left out, the type kept. */
export const toActor = (actor: IncidentActor): IncidentActor => {
  const name = actor.name?.trim();
  return { ...(name && { name }), type: actor.type };
};
