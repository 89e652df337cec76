import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import type { JudicialCaseState } from './judicial-case.state';
import type { JudicialCaseEvent, PeopleCount } from './judicial.events';
import { assertCaseTime, assertHeadcount, openedCase } from './judicial-rules';

export type RecordConvictions = Command<'RecordConvictions', PeopleCount>;

/** Convictions come from a trial: only a case referred to trial has them. */
export const recordConvictions = ({ data, context }: RecordConvictions, state: JudicialCaseState): JudicialCaseEvent[] => {
  const open = openedCase(state, data.caseRef);
  if (open.status !== 'referred-to-trial') throw conflict(`judicial case ${data.caseRef} is ${open.status}, not referred to trial`);
  assertHeadcount(data.people);
  assertCaseTime(data.at, open, context.now);
  const { caseRef, people, at, crimesAgainstPeacekeepers } = data;
  return [{ type: 'ConvictionsRecorded', occurredAt: at, data: { caseRef, people, at, crimesAgainstPeacekeepers } }];
};
