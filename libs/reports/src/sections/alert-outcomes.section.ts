import type { AlertOutcomes } from '@poc/projections';
import { part, type ReportSection } from '../figure';
import { rangeParams, type Period } from '../period';

/** Which warnings came true: alerts linked to the incident they warned of, and how alerts were closed. */
export const alertOutcomesSection = (outcomes: AlertOutcomes, period: Period): ReportSection => {
  const trace = `/alerts/outcomes?${rangeParams(period)}`;
  return {
    id: 'alertOutcomes',
    title: 'Alerts that became incidents',
    figures: [
      part('alertOutcomes.linkedToIncident', 'linked to the incident they warned of', outcomes.linkedToIncident.alerts, outcomes.received, trace),
      part('alertOutcomes.cameTrue', 'came true (linked, or closed as attack-occurred)', outcomes.cameTrue.alerts, outcomes.received, trace),
      ...outcomes.closedAs.map((c) => part(`alertOutcomes.closedAs.${c.outcome}`, `closed as ${c.outcome}`, c.alerts, outcomes.received, trace)),
      part('alertOutcomes.notClosed', 'not closed yet', outcomes.notClosed.alerts, outcomes.received, trace),
    ],
  };
};
