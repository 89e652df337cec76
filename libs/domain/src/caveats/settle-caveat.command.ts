import type { Command } from '../shared/domain-event';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import { CAVEAT_OUTCOMES, type CaveatSettled } from './caveat.events';
import type { CaveatState } from './caveat.state';

export type SettleCaveat = Command<'SettleCaveat', CaveatSettled['data']>;

/** A caveat is settled once; how is recorded, never revised (a new caveat says it came back). */
export const settleCaveat = ({ data, context }: SettleCaveat, state: CaveatState): [CaveatSettled] => {
  if (state.status === 'unknown') throw notFound(`caveat ${data.caveatId}`);
  if (state.status === 'settled') throw conflict(`caveat ${data.caveatId} was already settled`);
  if (!(CAVEAT_OUTCOMES as readonly string[]).includes(data.outcome)) throw invalid(`outcome must be one of ${CAVEAT_OUTCOMES.join(', ')}`, 'outcome');
  if (data.settlement.trim() === '') throw invalid('settlement must say how it was settled', 'settlement');
  assertNotInFuture(data.settledAt, context.now, 'settledAt');
  assertNotBefore(data.settledAt, state.raisedAt, 'settledAt', 'the caveat was raised');
  return [
    {
      type: 'CaveatSettled',
      occurredAt: data.settledAt,
      data: { caveatId: data.caveatId, settledAt: data.settledAt, outcome: data.outcome, settlement: data.settlement },
    },
  ];
};
