import type { Command } from '../shared/domain-event';
import { conflict } from '../shared/domain-error';
import { assertNotInFuture } from '../shared/time';
import type { JudicialCaseState } from './judicial-case.state';
import type { JudicialCaseEvent, JudicialCaseOpened } from './judicial.events';

export type OpenJudicialCase = Command<'OpenJudicialCase', JudicialCaseOpened['data']>;

export const openJudicialCase = ({ data, context }: OpenJudicialCase, state: JudicialCaseState): JudicialCaseEvent[] => {
  if (state.opened) throw conflict(`judicial case ${data.caseRef} was already opened`);
  assertNotInFuture(data.openedAt, context.now, 'openedAt');
  return [{ type: 'JudicialCaseOpened', occurredAt: data.openedAt, data: { caseRef: data.caseRef, category: data.category, openedAt: data.openedAt } }];
};
