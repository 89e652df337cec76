import { conflict, invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { IedState } from './ied.state';

export type IedOutcomeData = Readonly<{ iedId: string; at: string; casualties?: number }>;

/** Casualties are a count of people: a fraction or a negative number is a typing mistake. */
export const assertCasualties = (casualties: number | undefined): void => {
  if (casualties !== undefined && (!Number.isInteger(casualties) || casualties < 0)) {
    throw invalid(`casualties (${casualties}) must be a non-negative integer`, 'casualties');
  }
};

export const toOutcomeData = ({ iedId, at, casualties }: IedOutcomeData): IedOutcomeData => {
  assertCasualties(casualties);
  return { iedId, at, ...(casualties !== undefined && { casualties }) };
};

/** An IED ends once: neutralized or detonated, never both, never twice. */
export const decideOutcome = (data: IedOutcomeData, now: string, state: IedState): IedOutcomeData => {
  if (state.status === 'unknown') throw notFound(`IED ${data.iedId}`);
  if (state.status !== 'detected') throw conflict(`IED ${data.iedId} was already ${state.status}`);
  assertNotInFuture(data.at, now, 'at');
  assertNotBefore(data.at, state.detectedAt, 'at', 'the IED was detected');
  return toOutcomeData(data);
};
