import { conflict, invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { IedDetonated, IedNeutralized } from './ied.events';
import type { IedState } from './ied.state';

export type IedOutcome = Readonly<{ iedId: string; at: string; casualties?: number }>;

/** A device ends once: neutralised or gone off, never both, never twice. */
export const resolveIed = (
  type: 'IedNeutralized' | 'IedDetonated',
  data: IedOutcome,
  state: IedState,
  now: string,
): [IedNeutralized | IedDetonated] => {
  if (state.status === 'unknown') throw notFound(`IED ${data.iedId}`);
  if (state.status !== 'detected') throw conflict(`IED ${data.iedId} was already ${state.status}`);
  if (data.casualties !== undefined && (!Number.isInteger(data.casualties) || data.casualties < 0)) {
    throw invalid('casualties must be a whole number ≥ 0', 'casualties');
  }
  assertNotInFuture(data.at, now, 'at');
  assertNotBefore(data.at, state.detectedAt, 'at', 'the IED was detected');
  const eventData = { iedId: data.iedId, at: data.at, ...(data.casualties !== undefined && { casualties: data.casualties }) };
  return [{ type, occurredAt: data.at, data: eventData }];
};
