import type { Decider } from '../shared/domain-event';
import type { BaseEvent } from './base.events';
import { evolveBase, initialBaseState, type BaseState } from './base.state';
import { closeBase, type CloseBase } from './close-base.command';
import { establishBase, type EstablishBase } from './establish-base.command';
import { recordTobActivity, type RecordTobActivity } from './record-tob-activity.command';

export type BaseCommand = EstablishBase | CloseBase | RecordTobActivity;

export const baseStreamId = (baseId: string): string => `base-${baseId}`;

export const baseDecider: Decider<BaseState, BaseCommand, BaseEvent> = {
  initialState: initialBaseState,
  evolve: evolveBase,
  decide: (command, state) => {
    switch (command.type) {
      case 'EstablishBase':
        return establishBase(command, state);
      case 'CloseBase':
        return closeBase(command, state);
      case 'RecordTobActivity':
        return recordTobActivity(command, state);
    }
  },
};
