import { conflict, invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { JudicialCaseState } from './judicial-case.state';

type OpenCase = Extract<JudicialCaseState, { opened: true }>;

/** The case must exist: a change to a reference never opened is a 404, not a new case. */
export const openedCase = (state: JudicialCaseState, caseRef: string): OpenCase => {
  if (!state.opened) throw notFound(`judicial case ${caseRef}`);
  return state;
};

/** A closed case takes no more changes: reopening is a new case with its own reference. */
export const assertNotClosed = (state: OpenCase): void => {
  if (state.status === 'closed') throw conflict(`judicial case ${state.caseRef} is closed`);
};

/** A time on a case lies between its opening and now. */
export const assertCaseTime = (at: string, state: OpenCase, now: string, field = 'at'): void => {
  assertNotInFuture(at, now, field);
  assertNotBefore(at, state.openedAt, field, 'the case was opened');
};

/** People are counted in whole numbers, and a record of nobody records nothing. */
export const assertHeadcount = (people: number, field = 'people'): void => {
  if (!Number.isInteger(people) || people < 1) throw invalid(`${field} must be a whole number ≥ 1`, field);
};
