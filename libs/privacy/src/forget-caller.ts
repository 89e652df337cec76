import { alertDecider, alertStreamId, DomainError, notFound, type AlertReceivedData, type EventMetadata } from '@poc/domain';
import { handleCommand, type EventStore } from '@poc/event-store';
import type { CallerKeyStore } from './caller-key-store.port';

export type ForgetCallerResult = Readonly<{
  /** Every alert whose caller is now erased (the one asked about and the caller's others). */
  alertIds: readonly string[];
  /** The store position after the last CallerErased event. */
  position: number;
}>;

type Deps = Readonly<{ eventStore: EventStore; keys: CallerKeyStore; metadata: EventMetadata; now: () => string }>;

/** The sealed caller's key id of an alert, from its AlertReceived event. */
const sealedKeyOf = async (eventStore: EventStore, alertId: string): Promise<string> => {
  const received = (await eventStore.readStream(alertStreamId(alertId))).find((e) => e.type === 'AlertReceived');
  if (!received) throw notFound(`alert ${alertId}`);
  const caller = (received.data as AlertReceivedData).caller;
  if (!caller) throw new DomainError('not-found', `alert ${alertId} has no caller`);
  if (!caller.sealed) {
    throw new DomainError('invalid', `alert ${alertId}'s caller was recorded before encryption and cannot be erased by deleting a key`);
  }
  return caller.keyId;
};

/**
 * Forgets the caller of an alert: records CallerErased on every alert sealed with their key,
 * then deletes the key. In that order, so a crash in between leaves the key (retry finishes
 * the job: erasing twice records nothing) rather than an erased key the read models do not
 * show. Once the key is gone no copy of the ciphertext, anywhere, can be opened.
 */
export const forgetCaller = async ({ eventStore, keys, metadata, now }: Deps, alertId: string): Promise<ForgetCallerResult> => {
  const keyId = await sealedKeyOf(eventStore, alertId);
  const linked = await keys.alertsOf(keyId);
  const alertIds = [...new Set([alertId, ...linked])].sort();
  const erased: string[] = [];
  let position = await eventStore.lastPosition();
  for (const id of alertIds) {
    try {
      const result = await handleCommand(eventStore, alertDecider, alertStreamId(id), { type: 'EraseCaller', data: { alertId: id, keyId }, context: { now: now() } }, { metadata });
      position = Math.max(position, result.lastPosition);
      erased.push(id);
    } catch (error) {
      // A link to an alert that was never stored (its append failed after the key was made).
      if (error instanceof DomainError && error.kind === 'not-found') continue;
      throw error;
    }
  }
  await keys.forget(keyId);
  return { alertIds: erased, position };
};
