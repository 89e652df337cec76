import type { Command } from '../shared/domain-event';
import { conflict, notFound } from '../shared/domain-error';
import type { AlertTriaged } from './alert.events';
import type { AlertState } from './alert.state';

/** The triage as the event records it; the time is the server's. */
export type TriageAlert = Command<'TriageAlert', Omit<AlertTriaged['data'], 'triagedAt'>>;

/** Triage may be repeated while the alert is open: a flash alert can be downgraded. */
export const triageAlert = ({ data, context }: TriageAlert, state: AlertState): AlertTriaged[] => {
  if (state.status === 'unknown') throw notFound(`alert ${data.alertId}`);
  if (state.status === 'closed') throw conflict(`alert ${data.alertId} is closed and cannot be triaged`);
  return [
    {
      type: 'AlertTriaged',
      occurredAt: context.now,
      data: {
        alertId: data.alertId,
        priority: data.priority,
        ...(data.reliability !== undefined && { reliability: data.reliability }),
        ...(data.credibility !== undefined && { credibility: data.credibility }),
        triagedAt: context.now,
      },
    },
  ];
};
