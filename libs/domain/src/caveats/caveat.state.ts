import type { CaveatEvent } from './caveat.events';

export type CaveatState = Readonly<{ status: 'unknown' }> | Readonly<{ status: 'raised' | 'settled'; caveatId: string; raisedAt: string }>;

export const initialCaveatState = (): CaveatState => ({ status: 'unknown' });

export const evolveCaveat = (state: CaveatState, event: CaveatEvent): CaveatState => {
  switch (event.type) {
    case 'CaveatRaised':
      return { status: 'raised', caveatId: event.data.caveatId, raisedAt: event.data.raisedAt };
    case 'CaveatSettled':
      return state.status === 'unknown' ? state : { ...state, status: 'settled' };
  }
};
