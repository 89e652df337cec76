import type { PatrolEvent, PatrolStop } from './patrol.events';

export type PatrolState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{ status: 'deployed' | 'completed'; patrolId: string; startedAt: string; stops: readonly PatrolStop[] }>;

export const initialPatrolState = (): PatrolState => ({ status: 'unknown' });

export const evolvePatrol = (state: PatrolState, event: PatrolEvent): PatrolState => {
  switch (event.type) {
    case 'PatrolDeployed':
      return {
        status: 'deployed',
        patrolId: event.data.patrolId,
        startedAt: event.data.startedAt,
        stops: event.data.stops,
      };
    case 'PatrolCompleted':
      return state.status === 'unknown' ? state : { ...state, status: 'completed' };
  }
};
