import type { Decider } from '../shared/domain-event';
import { completePatrol, type CompletePatrol } from './complete-patrol.command';
import { deployPatrol, type DeployPatrol } from './deploy-patrol.command';
import type { PatrolEvent } from './patrol.events';
import { evolvePatrol, initialPatrolState, type PatrolState } from './patrol.state';

export type PatrolCommand = DeployPatrol | CompletePatrol;

export const patrolStreamId = (patrolId: string): string => `patrol-${patrolId}`;

export const patrolDecider: Decider<PatrolState, PatrolCommand, PatrolEvent> = {
  initialState: initialPatrolState,
  evolve: evolvePatrol,
  decide: (command, state) => {
    switch (command.type) {
      case 'DeployPatrol':
        return deployPatrol(command, state);
      case 'CompletePatrol':
        return completePatrol(command, state);
    }
  },
};
