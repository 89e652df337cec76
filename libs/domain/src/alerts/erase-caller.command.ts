import type { Command } from '../shared/domain-event';
import { invalid, notFound } from '../shared/domain-error';
import type { CallerErased } from './alert.events';
import type { AlertState } from './alert.state';

/** Record that the caller's key is being deleted, on one of the alerts that caller made. */
export type EraseCaller = Command<'EraseCaller', { alertId: string; keyId: string }>;

/**
 * Allowed in any status (a closed alert's caller is as exposed as an open one's). Erasing
 * twice records nothing the second time: forget-caller retries after a crash must be safe.
 */
export const eraseCaller = ({ data, context }: EraseCaller, state: AlertState): CallerErased[] => {
  if (state.status === 'unknown') throw notFound(`alert ${data.alertId}`);
  if (state.callerKeyId !== data.keyId) {
    throw invalid(`alert ${data.alertId} holds no caller sealed with key ${data.keyId}`, 'keyId');
  }
  if (state.callerErased) return [];
  return [{ type: 'CallerErased', occurredAt: context.now, data: { alertId: data.alertId, keyId: data.keyId, erasedAt: context.now } }];
};
