import type { Command } from '../shared/domain-event';
import { conflict, invalid } from '../shared/domain-error';
import { assertNotInFuture } from '../shared/time';
import type { ReturnAssisted, ReturnEvent } from './returns.events';
import type { ReturnState } from './return.state';

export type RecordReturn = Command<'RecordReturn', ReturnAssisted['data']>;

export const recordReturn = ({ data, context }: RecordReturn, state: ReturnState): ReturnEvent[] => {
  if (state.recorded) throw conflict(`return ${data.returnId} was already recorded`);
  for (const field of ['commune', 'cercle', 'region'] as const) {
    // Returns are added up per commune and cercle: a blank one would be a place of its own.
    if (data[field].trim() === '') throw invalid(`${field} must name the place`, field);
  }
  if (!Number.isInteger(data.people) || data.people < 1) throw invalid('people must be a whole number ≥ 1', 'people');
  assertNotInFuture(data.returnedAt, context.now, 'returnedAt');
  const { returnId, commune, cercle, region, people, returnedAt } = data;
  return [{ type: 'ReturnAssisted', occurredAt: returnedAt, data: { returnId, commune, cercle, region, people, returnedAt } }];
};
