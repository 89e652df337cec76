import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { assertNotBefore } from '../shared/time';
import type { JudicialCaseState } from './judicial-case.state';
import type { JudicialCaseEvent, JudicialCaseStatusChanged } from './judicial.events';
import { assertCaseTime, assertNotClosed, openedCase } from './judicial-rules';

export type ChangeJudicialCaseStatus = Command<'ChangeJudicialCaseStatus', JudicialCaseStatusChanged['data']>;

/**
 * Under investigation → referred to trial → closed, or back to investigation when a court
 * sends it back; closed is final. Changes come in the order they happened, so the status on
 * any date is the last change before it.
 */
export const changeJudicialCaseStatus = ({ data, context }: ChangeJudicialCaseStatus, state: JudicialCaseState): JudicialCaseEvent[] => {
  const open = openedCase(state, data.caseRef);
  assertNotClosed(open);
  if (open.status === data.status) throw conflict(`judicial case ${data.caseRef} is already ${data.status}`);
  assertCaseTime(data.at, open, context.now);
  assertNotBefore(data.at, open.lastStatusAt, 'at', 'its last status change');
  return [{ type: 'JudicialCaseStatusChanged', occurredAt: data.at, data: { caseRef: data.caseRef, status: data.status, at: data.at } }];
};
