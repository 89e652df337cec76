import type { Decider } from '../shared/domain-event';
import { recordReturn, type RecordReturn } from './record-return.command';
import { evolveReturn, initialReturnState, type ReturnState } from './return.state';
import type { ReturnEvent } from './returns.events';

export type ReturnCommand = RecordReturn;

export const returnStreamId = (returnId: string): string => `return-${returnId}`;

export const returnDecider: Decider<ReturnState, ReturnCommand, ReturnEvent> = {
  initialState: initialReturnState,
  evolve: evolveReturn,
  decide: (command, state) => recordReturn(command, state),
};
