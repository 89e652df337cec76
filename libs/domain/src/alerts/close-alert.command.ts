import type { Command } from '../shared/domain-event';
import { conflict, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { AlertClosed } from './alert.events';
import type { AlertState } from './alert.state';

/** The closing as the event records it; without `closedAt`, the server's time. */
export type CloseAlert = Command<'CloseAlert', Omit<AlertClosed['data'], 'closedAt'> & { closedAt?: string }>;

export const closeAlert = ({ data, context }: CloseAlert, state: AlertState): AlertClosed[] => {
  if (state.status === 'unknown') throw notFound(`alert ${data.alertId}`);
  if (state.status === 'closed') throw conflict(`alert ${data.alertId} is already closed`);
  const closedAt = data.closedAt ?? context.now;
  assertNotInFuture(closedAt, context.now, 'closedAt');
  assertNotBefore(closedAt, state.receivedAt, 'closedAt', 'the alert was received');
  return [{ type: 'AlertClosed', occurredAt: closedAt, data: { alertId: data.alertId, outcome: data.outcome, closedAt } }];
};
