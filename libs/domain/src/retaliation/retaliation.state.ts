import type { RetaliationEvent, RetaliationVerdict } from './retaliation.events';

/** Re-assessment is allowed, so the state only needs to know whether and how it was judged. */
export type RetaliationState =
  | Readonly<{ status: 'unassessed' }>
  | Readonly<{ status: 'assessed'; incidentId: string; verdict: RetaliationVerdict; assessments: number }>;

export const initialRetaliationState = (): RetaliationState => ({ status: 'unassessed' });

export const evolveRetaliation = (state: RetaliationState, event: RetaliationEvent): RetaliationState => {
  switch (event.type) {
    case 'RetaliationAssessed':
      return {
        status: 'assessed',
        incidentId: event.data.incidentId,
        verdict: event.data.verdict,
        assessments: (state.status === 'assessed' ? state.assessments : 0) + 1,
      };
  }
};
