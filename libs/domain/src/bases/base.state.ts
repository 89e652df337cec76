import type { BaseEvent } from './base.events';

export type BaseState =
  | Readonly<{ status: 'unknown' }>
  | Readonly<{ status: 'open' | 'closed'; baseId: string; establishedAt: string }>;

export const initialBaseState = (): BaseState => ({ status: 'unknown' });

export const evolveBase = (state: BaseState, event: BaseEvent): BaseState => {
  switch (event.type) {
    case 'OperatingBaseEstablished':
      return { status: 'open', baseId: event.data.baseId, establishedAt: event.data.establishedAt };
    case 'OperatingBaseClosed':
      return state.status === 'unknown' ? state : { ...state, status: 'closed' };
    case 'TobActivityRecorded':
      return state;
  }
};
