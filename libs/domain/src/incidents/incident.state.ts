import type { IncidentEvent, VerificationStatus } from './incident.events';

export type IncidentState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{ status: 'reported' | 'retracted'; incidentId: string; occurredAt: string; verification?: VerificationStatus }>;

export const initialIncidentState = (): IncidentState => ({ status: 'unknown' });

export const evolveIncident = (state: IncidentState, event: IncidentEvent): IncidentState => {
  switch (event.type) {
    case 'IncidentReported':
      return { status: 'reported', incidentId: event.data.incidentId, occurredAt: event.occurredAt };
    case 'IncidentCorrected':
      if (state.status === 'unknown') return state;
      return { ...state, occurredAt: event.data.changes.occurredAt ?? state.occurredAt };
    case 'IncidentRetracted':
      return state.status === 'unknown' ? state : { ...state, status: 'retracted' };
    case 'IncidentVerificationRecorded':
      return state.status === 'unknown' ? state : { ...state, verification: event.data.status };
  }
};
