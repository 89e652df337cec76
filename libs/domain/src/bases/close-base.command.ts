import type { Command } from '../shared/domain-event';
import { conflict, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { OperatingBaseClosed } from './base.events';
import type { BaseState } from './base.state';

export type CloseBase = Command<'CloseBase', { baseId: string; closedAt: string }>;

export const closeBase = ({ data, context }: CloseBase, state: BaseState): OperatingBaseClosed[] => {
  if (state.status === 'unknown') throw notFound(`base ${data.baseId}`);
  if (state.status === 'closed') throw conflict(`base ${data.baseId} is already closed`);
  assertNotInFuture(data.closedAt, context.now, 'closedAt');
  assertNotBefore(data.closedAt, state.establishedAt, 'closedAt', 'the base was established');
  return [{ type: 'OperatingBaseClosed', occurredAt: data.closedAt, data: { baseId: data.baseId, closedAt: data.closedAt } }];
};
