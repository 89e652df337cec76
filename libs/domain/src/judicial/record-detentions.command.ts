import type { Command } from '../shared/domain-event';
import type { JudicialCaseState } from './judicial-case.state';
import type { JudicialCaseEvent, PeopleCount } from './judicial.events';
import { assertCaseTime, assertHeadcount, assertNotClosed, openedCase } from './judicial-rules';

export type RecordDetentions = Command<'RecordDetentions', PeopleCount>;

/** How many people were detained on a case, and when: a count, never who. */
export const recordDetentions = ({ data, context }: RecordDetentions, state: JudicialCaseState): JudicialCaseEvent[] => {
  const open = openedCase(state, data.caseRef);
  assertNotClosed(open);
  assertHeadcount(data.people);
  assertCaseTime(data.at, open, context.now);
  const { caseRef, people, at, crimesAgainstPeacekeepers } = data;
  return [{ type: 'DetentionsRecorded', occurredAt: at, data: { caseRef, people, at, crimesAgainstPeacekeepers } }];
};
