import type { Command } from '../shared/domain-event';
import { conflict, notFound } from '../shared/domain-error';
import type { AlertLinkedToIncident } from './alert.events';
import type { AlertState } from './alert.state';

/** The link as the event records it; the time is the server's. */
export type LinkAlertToIncident = Command<'LinkAlertToIncident', Omit<AlertLinkedToIncident['data'], 'linkedAt'>>;

/**
 * Allowed in any status: an alert is usually closed (attack-occurred) before anyone links the
 * report. Linking again to the same incident records nothing (a retry is safe); another
 * incident is refused, since which warning came true must not change silently.
 */
export const linkAlertToIncident = ({ data, context }: LinkAlertToIncident, state: AlertState): AlertLinkedToIncident[] => {
  if (state.status === 'unknown') throw notFound(`alert ${data.alertId}`);
  if (state.linkedIncidentId === data.incidentId) return [];
  if (state.linkedIncidentId !== undefined) {
    throw conflict(`alert ${data.alertId} is already linked to incident ${state.linkedIncidentId}`);
  }
  return [
    {
      type: 'AlertLinkedToIncident',
      occurredAt: context.now,
      data: { alertId: data.alertId, incidentId: data.incidentId, linkedAt: context.now },
    },
  ];
};
