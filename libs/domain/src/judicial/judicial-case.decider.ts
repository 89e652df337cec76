import type { Decider } from '../shared/domain-event';
import { changeJudicialCaseStatus, type ChangeJudicialCaseStatus } from './change-judicial-case-status.command';
import { evolveJudicialCase, initialJudicialCaseState, type JudicialCaseState } from './judicial-case.state';
import type { JudicialCaseEvent } from './judicial.events';
import { openJudicialCase, type OpenJudicialCase } from './open-judicial-case.command';
import { recordConvictions, type RecordConvictions } from './record-convictions.command';
import { recordDetentions, type RecordDetentions } from './record-detentions.command';

export type JudicialCaseCommand = OpenJudicialCase | ChangeJudicialCaseStatus | RecordDetentions | RecordConvictions;

/** One stream per case, named by its reference (the command API's id: one `-` before it). */
export const judicialCaseStreamId = (caseRef: string): string => `judicialcase-${caseRef}`;

export const judicialCaseDecider: Decider<JudicialCaseState, JudicialCaseCommand, JudicialCaseEvent> = {
  initialState: initialJudicialCaseState,
  evolve: evolveJudicialCase,
  decide: (command, state) => {
    switch (command.type) {
      case 'OpenJudicialCase':
        return openJudicialCase(command, state);
      case 'ChangeJudicialCaseStatus':
        return changeJudicialCaseStatus(command, state);
      case 'RecordDetentions':
        return recordDetentions(command, state);
      case 'RecordConvictions':
        return recordConvictions(command, state);
    }
  },
};
