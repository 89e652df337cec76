import type { Decider } from '../shared/domain-event';
import type { BaseEvent } from './base.events';
import { evolveBase, initialBaseState, type BaseState } from './base.state';
import { closeBase, type CloseBase } from './close-base.command';
import { establishBase, type EstablishBase } from './establish-base.command';

export type BaseCommand = EstablishBase | CloseBase;

export const baseStreamId = (baseId: string): string => `base-${baseId}`;

export const baseDecider: Decider<BaseState, BaseCommand, BaseEvent> = {
  initialState: initialBaseState,
  evolve: evolveBase,
  decide: (command, state) => (command.type === 'EstablishBase' ? establishBase(command, state) : closeBase(command, state)),
};
