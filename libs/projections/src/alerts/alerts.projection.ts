import type {
  AlertChannel,
  AlertClosed,
  AlertEvent,
  AlertLinkedToIncident,
  AlertOutcome,
  AlertStatus,
  AlertTriaged,
  FlightDispatched,
  IntakeGrading,
  Location,
  PatrolDeployed,
  Stored,
  StoredEvent,
  ThreatKind,
} from '@poc/domain';
import type { Projection } from '../projection';

/** What answered an alert: a deterrent flight or a patrol naming it. */
export const ALERT_RESPONSE_KINDS = ['flight', 'patrol'] as const;
export type AlertResponse = Readonly<{ kind: (typeof ALERT_RESPONSE_KINDS)[number]; id: string; at: string }>;

/**
 * protected: sealed, readable by ops through GET /alerts/{id}/caller while the key exists;
 * erased: the key was deleted (forget-caller), unreadable for good; withheld: recorded in
 * plain text before encryption existed, never shown.
 */
export const CALLER_STATUSES = ['protected', 'erased', 'withheld'] as const;
export type CallerStatus = (typeof CALLER_STATUSES)[number];

/** The triage as the alert shows it: the AlertTriaged event's data without the id. */
export type AlertTriage = Omit<AlertTriaged['data'], 'alertId'>;

export type AlertView = Readonly<{
  alertId: string;
  /** Absent while only a response pointing at the alert has arrived (another stream may run ahead). */
  status?: AlertStatus;
  channel?: AlertChannel;
  receivedAt?: string;
  recordedAt?: string;
  location?: Location;
  threat?: Readonly<{ kind: ThreatKind; expectedAt?: string }>;
  /**
   * The Admiralty grading the operator gave at intake; F6 ("cannot be judged") when none was
   * given, and for every alert recorded before intake grading existed (AlertReceived v1).
   */
  intakeGrading?: IntakeGrading;
  description?: string;
  /** Caller details never enter a read model: only whether there were any, and their state. */
  hasCaller?: boolean;
  callerStatus?: CallerStatus;
  triage?: AlertTriage;
  closed?: Readonly<{ outcome: AlertOutcome; closedAt: AlertClosed['data']['closedAt'] }>;
  responses: readonly AlertResponse[];
  /** The incident the alert warned of (POST /alerts/{id}/link-incident): the warning came true. */
  linkedIncident?: Readonly<{ incidentId: string; linkedAt: AlertLinkedToIncident['data']['linkedAt'] }>;
}>;

/** What this projection handles: the alert's own events, and the responses naming alerts. */
type Handled = Stored<AlertEvent | FlightDispatched | PatrolDeployed>;

const empty = (alertId: string): AlertView => ({ alertId, responses: [] });

/**
 * Responses are a set ordered by time, then id, then kind (a flight and a patrol may share an
 * id: clients name them), so their arrival order does not matter.
 */
const withResponse = (view: AlertView, response: AlertResponse): AlertView =>
  view.responses.some((r) => r.kind === response.kind && r.id === response.id)
    ? view
    : {
        ...view,
        responses: [...view.responses, response].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id) || a.kind.localeCompare(b.kind)),
      };

const evolve = (doc: AlertView | undefined, stored: StoredEvent, key: string): AlertView => {
  const view = doc ?? empty(key);
  // The runner passes only the types in `handles`; the store upcasts old schemas on read.
  const event = stored as Handled;
  switch (event.type) {
    case 'AlertReceived': {
      const { data } = event;
      return {
        ...view,
        status: view.status ?? 'open',
        channel: data.channel,
        receivedAt: data.receivedAt,
        recordedAt: event.recordedAt,
        location: data.location,
        threat: data.threat,
        intakeGrading: data.intakeGrading,
        ...(data.description !== undefined && { description: data.description }),
        hasCaller: data.caller !== undefined,
        ...(data.caller !== undefined && { callerStatus: view.callerStatus ?? (data.caller.sealed ? 'protected' : 'withheld') }),
      };
    }
    case 'AlertTriaged': {
      const { alertId: _id, ...triage } = event.data;
      return { ...view, status: view.status === 'closed' ? 'closed' : 'triaged', triage };
    }
    case 'AlertClosed': {
      return { ...view, status: 'closed', closed: { outcome: event.data.outcome, closedAt: event.data.closedAt } };
    }
    case 'CallerErased':
      return { ...view, hasCaller: true, callerStatus: 'erased' };
    case 'AlertLinkedToIncident':
      return { ...view, linkedIncident: { incidentId: event.data.incidentId, linkedAt: event.data.linkedAt } };
    case 'FlightDispatched':
      return withResponse(view, { kind: 'flight', id: event.data.flightId, at: event.data.dispatchedAt });
    case 'PatrolDeployed':
      return withResponse(view, { kind: 'patrol', id: event.data.patrolId, at: event.data.startedAt });
    default:
      return view;
  }
};

export const alertsProjection: Projection<AlertView> = {
  name: 'alerts',
  // 2: the view shows the intake grading (AlertReceived v2). 3: the caller's status (v3).
  // 4: the incident the alert was linked to (AlertLinkedToIncident), and its column.
  version: 4,
  collection: {
    name: 'alerts',
    columns: { status: 'text', received_at: 'text', priority: 'text', channel: 'text', cercle: 'text', h3: 'text', responded: 'integer', linked_incident: 'text' },
    indexes: [['status', 'received_at'], ['received_at'], ['h3'], ['linked_incident']],
  },
  handles: ['AlertReceived', 'AlertTriaged', 'AlertClosed', 'CallerErased', 'AlertLinkedToIncident', 'FlightDispatched', 'PatrolDeployed'],
  keysOf: (stored) => {
    const event = stored as Handled;
    // The deciders always write alertIds; a stored response without them names no alert.
    if (event.type === 'FlightDispatched' || event.type === 'PatrolDeployed') return event.data.alertIds ?? [];
    return [event.data.alertId];
  },
  evolve,
  columnsOf: (view) => ({
    status: view.status ?? null,
    received_at: view.receivedAt ?? null,
    priority: view.triage?.priority ?? null,
    channel: view.channel ?? null,
    cercle: view.location?.cercle ?? null,
    h3: view.location?.h3 ?? null,
    responded: view.responses.length > 0 ? 1 : 0,
    linked_incident: view.linkedIncident?.incidentId ?? null,
  }),
};
