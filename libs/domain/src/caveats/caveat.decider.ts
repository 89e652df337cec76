import type { Decider } from '../shared/domain-event';
import type { CaveatEvent } from './caveat.events';
import { evolveCaveat, initialCaveatState, type CaveatState } from './caveat.state';
import { raiseCaveat, type RaiseCaveat } from './raise-caveat.command';
import { settleCaveat, type SettleCaveat } from './settle-caveat.command';

export type CaveatCommand = RaiseCaveat | SettleCaveat;

export const caveatStreamId = (caveatId: string): string => `caveat-${caveatId}`;

export const caveatDecider: Decider<CaveatState, CaveatCommand, CaveatEvent> = {
  initialState: initialCaveatState,
  evolve: evolveCaveat,
  decide: (command, state) => {
    switch (command.type) {
      case 'RaiseCaveat':
        return raiseCaveat(command, state);
      case 'SettleCaveat':
        return settleCaveat(command, state);
    }
  },
};
