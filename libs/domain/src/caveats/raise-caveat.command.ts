import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { assertNotInFuture } from '../shared/time';
import { CAVEAT_KINDS, type CaveatRaised } from './caveat.events';
import type { CaveatState } from './caveat.state';

export type RaiseCaveat = Command<'RaiseCaveat', CaveatRaised['data']>;

const nonEmpty = (text: string, field: string): void => {
  if (text.trim() === '') throw invalid(`${field} must not be empty`, field);
};

export const raiseCaveat = ({ data, context }: RaiseCaveat, state: CaveatState): [CaveatRaised] => {
  if (state.status !== 'unknown') throw conflict(`caveat ${data.caveatId} was already recorded`);
  if (!(CAVEAT_KINDS as readonly string[]).includes(data.kind)) throw invalid(`kind must be one of ${CAVEAT_KINDS.join(', ')}`, 'kind');
  if (typeof data.declared !== 'boolean') throw invalid('declared must say whether the caveat was declared beforehand', 'declared');
  nonEmpty(data.contingent, 'contingent');
  nonEmpty(data.order, 'order');
  nonEmpty(data.condition, 'condition');
  assertNotInFuture(data.raisedAt, context.now, 'raisedAt');
  const { unit } = data;
  return [
    {
      type: 'CaveatRaised',
      occurredAt: data.raisedAt,
      data: {
        caveatId: data.caveatId,
        contingent: data.contingent,
        kind: data.kind,
        declared: data.declared,
        order: data.order,
        condition: data.condition,
        raisedAt: data.raisedAt,
        ...(unit !== undefined && { unit }),
      },
    },
  ];
};
