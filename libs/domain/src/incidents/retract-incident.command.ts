import type { Command } from '../shared/domain-event';
import { conflict, invalid, notFound } from '../shared/domain-error';
import type { IncidentRetracted } from './incident.events';
import type { IncidentState } from './incident.state';

export type RetractIncident = Command<'RetractIncident', { incidentId: string; reason: string }>;

/** A retraction is a fact about the report, so it happens now, not when the incident did. */
export const retractIncident = ({ data, context }: RetractIncident, state: IncidentState): IncidentRetracted[] => {
  if (state.status === 'unknown') throw notFound(`incident ${data.incidentId}`);
  if (state.status === 'retracted') throw conflict(`incident ${data.incidentId} is already retracted`);
  const reason = data.reason.trim();
  // Analysts must be able to tell a duplicate from a false report.
  if (reason === '') throw invalid('a retraction needs a reason', 'reason');
  return [
    {
      type: 'IncidentRetracted',
      occurredAt: context.now,
      data: { incidentId: data.incidentId, reason, retractedAt: context.now },
    },
  ];
};
