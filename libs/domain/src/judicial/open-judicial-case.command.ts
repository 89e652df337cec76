import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { assertNotInFuture } from '../shared/time';
import { changeJudicialCaseStatus } from './change-judicial-case-status.command';
import { evolveJudicialCase, type JudicialCaseState } from './judicial-case.state';
import type { JudicialCaseEvent, JudicialCaseOpened, JudicialCaseStatus } from './judicial.events';

export type OpenJudicialCase = Command<
  'OpenJudicialCase',
  JudicialCaseOpened['data'] & Readonly<{ status?: JudicialCaseStatus; statusAt?: string }>
>;

/**
 * A case the unit registers late (its register predates the system) may already be past
 * investigation: one command, two facts, the status change at its own time.
 */
export const openJudicialCase = ({ data, context }: OpenJudicialCase, state: JudicialCaseState): JudicialCaseEvent[] => {
  if (state.opened) throw conflict(`judicial case ${data.caseRef} was already opened`);
  assertNotInFuture(data.openedAt, context.now, 'openedAt');
  const opened: JudicialCaseOpened = { type: 'JudicialCaseOpened', occurredAt: data.openedAt, data: { caseRef: data.caseRef, category: data.category, openedAt: data.openedAt } };
  const later = data.status !== undefined && data.status !== 'under-investigation';
  if (!later) {
    if (data.statusAt !== undefined) throw invalid('statusAt goes with a status other than under-investigation', 'statusAt');
    return [opened];
  }
  if (data.statusAt === undefined) throw invalid(`statusAt is needed with status ${data.status}`, 'statusAt');
  const change = { type: 'ChangeJudicialCaseStatus', context, data: { caseRef: data.caseRef, status: data.status, at: data.statusAt } } as const;
  return [opened, ...changeJudicialCaseStatus(change, evolveJudicialCase(state, opened))];
};
