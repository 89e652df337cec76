import { INCIDENT_KINDS } from '@poc/domain';
import { asKnownAt, type IncidentSnapshot, type IncidentView } from '@poc/projections';
import { count, part, type ReportSection } from '../figure';
import { rangeParams, within, type Period } from '../period';

/**
 * Incidents that occurred in the period, as the store knew them at `asOf`: a report not yet
 * recorded then is left out, a correction recorded later is not applied, a retracted one
 * does not count.
 */
export const incidentsSection = (incidents: readonly IncidentView[], period: Period): ReportSection => {
  const known = incidents
    .map((i) => asKnownAt(i, period.asOf))
    .filter((i): i is IncidentSnapshot => i !== undefined && i.status === 'active' && within(period, i.occurredAt));
  const trace = `/incidents?${rangeParams(period)}`;
  const civilians = known.filter((i) => i.targetsCivilians).length;
  return {
    id: 'incidents',
    title: 'Incidents',
    figures: [
      count('incidents.total', 'incidents', known.length, trace),
      part('incidents.targetingCivilians', 'targeting civilians', civilians, known.length, trace),
      ...INCIDENT_KINDS.map((kind) => count(`incidents.kind.${kind}`, kind, known.filter((i) => i.kind === kind).length, `${trace}&kind=${kind}`)),
      count('incidents.fatalities', 'fatalities', known.reduce((sum, i) => sum + i.fatalities, 0), trace, 'people'),
      count('incidents.injured', 'injured', known.reduce((sum, i) => sum + i.injured, 0), trace, 'people'),
    ],
    notes: [`as known at ${period.asOf}: reports recorded later are not counted, retracted ones never are`],
  };
};
