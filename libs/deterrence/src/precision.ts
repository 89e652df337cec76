import type { EngineSnapshot } from './lean-incident';

/**
 * ACLED's precision codes decide where an incident can count (DOMAIN.md):
 * - `daily`: day-precise (time_precision 1) and place-precise (geo_precision 1–2): a daily curve;
 * - `window`: place-precise but known to the week or month only: a window total;
 * - `cercle`: day-precise but placed in a region only: a count at cercle level;
 * - `none`: retracted, or coarse in both.
 */
export type PrecisionClass = 'daily' | 'window' | 'cercle' | 'none';

export const precisionClass = (incident: EngineSnapshot): PrecisionClass => {
  if (incident.status !== 'active') return 'none';
  const placed = incident.location.precision <= 2;
  const dated = incident.timePrecision === 1;
  if (placed && dated) return 'daily';
  if (placed) return 'window';
  if (dated) return 'cercle';
  return 'none';
};
