import type { Decider } from '../shared/domain-event';
import { detectIed, type DetectIed } from './detect-ied.command';
import type { IedEvent } from './ied.events';
import { evolveIed, initialIedState, type IedState } from './ied.state';
import { neutralizeIed, type NeutralizeIed } from './neutralize-ied.command';
import { recordIedDetonation, type RecordIedDetonation } from './record-ied-detonation.command';

export type IedCommand = DetectIed | NeutralizeIed | RecordIedDetonation;

export const iedStreamId = (iedId: string): string => `ied-${iedId}`;

export const iedDecider: Decider<IedState, IedCommand, IedEvent> = {
  initialState: initialIedState,
  evolve: evolveIed,
  decide: (command, state) => {
    switch (command.type) {
      case 'DetectIed':
        return detectIed(command, state);
      case 'NeutralizeIed':
        return neutralizeIed(command, state);
      case 'RecordIedDetonation':
        return recordIedDetonation(command, state);
    }
  },
};
