import type { AlertEvent, IntakeGrading, Location, StoredEvent } from '@poc/domain';
import type { Projection } from '../projection';

export type AlertResponse = Readonly<{ kind: 'flight' | 'patrol'; id: string; at: string }>;

export type AlertView = Readonly<{
  alertId: string;
  /** Absent while only a response pointing at the alert has arrived (another stream may run ahead). */
  status?: 'open' | 'triaged' | 'closed';
  channel?: string;
  receivedAt?: string;
  recordedAt?: string;
  location?: Location;
  threat?: Readonly<{ kind: string; expectedAt?: string }>;
  /**
   * The Admiralty grading the operator gave at intake; F6 ("cannot be judged") when none was
   * given, and for every alert recorded before intake grading existed (AlertReceived v1).
   */
  intakeGrading?: IntakeGrading;
  description?: string;
  /** Caller details never enter a read model: only whether there were any, and their state. */
  hasCaller?: boolean;
  /**
   * protected: sealed, readable by ops through GET /alerts/{id}/caller while the key exists;
   * erased: the key was deleted (forget-caller), unreadable for good; withheld: recorded in
   * plain text before encryption existed, never shown.
   */
  callerStatus?: 'protected' | 'erased' | 'withheld';
  triage?: Readonly<{ priority: string; reliability?: string; credibility?: number; triagedAt: string }>;
  closed?: Readonly<{ outcome: string; closedAt: string }>;
  responses: readonly AlertResponse[];
}>;

type FlightDispatchedLike = StoredEvent<'FlightDispatched', { flightId: string; dispatchedAt: string; alertIds?: string[] }>;
type PatrolDeployedLike = StoredEvent<'PatrolDeployed', { patrolId: string; startedAt: string; alertIds?: string[] }>;

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

const evolve = (doc: AlertView | undefined, event: StoredEvent, key: string): AlertView => {
  const view = doc ?? empty(key);
  switch (event.type) {
    case 'AlertReceived': {
      // Schema v2 only: the store upcasts v1 on read, so every AlertReceived has its grading.
      const { data } = event as unknown as StoredEvent<'AlertReceived', Extract<AlertEvent, { type: 'AlertReceived' }>['data']>;
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
      const { data } = event as unknown as StoredEvent<'AlertTriaged', Extract<AlertEvent, { type: 'AlertTriaged' }>['data']>;
      const { alertId: _id, ...triage } = data;
      return { ...view, status: view.status === 'closed' ? 'closed' : 'triaged', triage };
    }
    case 'AlertClosed': {
      const { data } = event as unknown as StoredEvent<'AlertClosed', Extract<AlertEvent, { type: 'AlertClosed' }>['data']>;
      return { ...view, status: 'closed', closed: { outcome: data.outcome, closedAt: data.closedAt } };
    }
    case 'CallerErased':
      return { ...view, hasCaller: true, callerStatus: 'erased' };
    case 'FlightDispatched': {
      const { data } = event as FlightDispatchedLike;
      return withResponse(view, { kind: 'flight', id: data.flightId, at: data.dispatchedAt });
    }
    case 'PatrolDeployed': {
      const { data } = event as PatrolDeployedLike;
      return withResponse(view, { kind: 'patrol', id: data.patrolId, at: data.startedAt });
    }
    default:
      return view;
  }
};

export const alertsProjection: Projection<AlertView> = {
  name: 'alerts',
  // 2: the view shows the intake grading (AlertReceived v2). 3: the caller's status (v3).
  version: 3,
  collection: {
    name: 'alerts',
    columns: { status: 'text', received_at: 'text', priority: 'text', channel: 'text', cercle: 'text', h3: 'text', responded: 'integer' },
    indexes: [['status', 'received_at'], ['received_at'], ['h3']],
  },
  handles: ['AlertReceived', 'AlertTriaged', 'AlertClosed', 'CallerErased', 'FlightDispatched', 'PatrolDeployed'],
  keysOf: (event) => {
    if (event.type === 'FlightDispatched' || event.type === 'PatrolDeployed') {
      return (event.data as { alertIds?: string[] }).alertIds ?? [];
    }
    return [(event.data as { alertId: string }).alertId];
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
  }),
};
