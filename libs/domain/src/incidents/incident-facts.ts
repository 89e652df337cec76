import { invalid } from '../shared/domain-error';
import type { IncidentKind } from './incident.events';

/** Attacks and abductions target civilians unless the report says otherwise. */
export const targetsCiviliansByDefault = (kind: IncidentKind): boolean => kind === 'attack-on-civilians' || kind === 'abduction';

export const checkCount = (value: number | undefined, field: string): void => {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw invalid(`${field} must be a whole number ≥ 0`, field);
};

export const checkTimePrecision = (value: number | undefined): void => {
  if (value !== undefined && value !== 1 && value !== 2 && value !== 3) throw invalid('timePrecision must be 1, 2 or 3', 'timePrecision');
};
