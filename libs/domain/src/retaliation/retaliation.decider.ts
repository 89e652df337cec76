import type { Decider } from '../shared/domain-event';
import { assessRetaliation, type AssessRetaliation } from './assess-retaliation.command';
import type { RetaliationEvent } from './retaliation.events';
import { evolveRetaliation, initialRetaliationState, type RetaliationState } from './retaliation.state';

export type RetaliationCommand = AssessRetaliation;

/** One assessment stream per candidate incident. */
export const retaliationStreamId = (incidentId: string): string => `retaliation-${incidentId}`;

export const retaliationDecider: Decider<RetaliationState, RetaliationCommand, RetaliationEvent> = {
  initialState: initialRetaliationState,
  evolve: evolveRetaliation,
  decide: (command, state) => assessRetaliation(command, state),
};
