import type { IedEvent } from './ied.events';

export type IedState = Readonly<{ status: 'unknown' }> | Readonly<{ status: 'detected' | 'neutralized' | 'detonated'; iedId: string; detectedAt: string }>;

export const initialIedState = (): IedState => ({ status: 'unknown' });

export const evolveIed = (state: IedState, event: IedEvent): IedState => {
  switch (event.type) {
    case 'IedDetected':
      return { status: 'detected', iedId: event.data.iedId, detectedAt: event.data.detectedAt };
    case 'IedNeutralized':
      return state.status === 'unknown' ? state : { ...state, status: 'neutralized' };
    case 'IedDetonated':
      return state.status === 'unknown' ? state : { ...state, status: 'detonated' };
  }
};
