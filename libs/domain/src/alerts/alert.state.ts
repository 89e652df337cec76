import type { AlertEvent } from './alert.events';

/** Where an alert stands: received (open), triaged, closed. Views and the API say the same. */
export const ALERT_STATUSES = ['open', 'triaged', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export type AlertState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{
      status: AlertStatus;
      alertId: string;
      receivedAt: string;
      /** The sealed caller's key, until it is erased. */
      callerKeyId?: string;
      callerErased?: boolean;
      /** The incident the alert warned of, once linked. */
      linkedIncidentId?: string;
    }>;

export const initialAlertState = (): AlertState => ({ status: 'unknown' });

export const evolveAlert = (state: AlertState, event: AlertEvent): AlertState => {
  switch (event.type) {
    case 'AlertReceived':
      return {
        status: 'open',
        alertId: event.data.alertId,
        receivedAt: event.data.receivedAt,
        ...(event.data.caller?.sealed && { callerKeyId: event.data.caller.keyId }),
      };
    case 'AlertTriaged':
      return state.status === 'unknown' ? state : { ...state, status: 'triaged' };
    case 'AlertClosed':
      return state.status === 'unknown' ? state : { ...state, status: 'closed' };
    case 'CallerErased':
      return state.status === 'unknown' ? state : { ...state, callerErased: true };
    case 'AlertLinkedToIncident':
      return state.status === 'unknown' ? state : { ...state, linkedIncidentId: event.data.incidentId };
  }
};
