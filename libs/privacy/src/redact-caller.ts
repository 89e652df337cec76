import type { AlertReceivedData, StoredEvent } from '@poc/domain';
import type { CallerKeyStore } from './caller-key-store.port';

/** A caller as every output except GET /alerts/{id}/caller shows them. */
export type RedactedCaller = Readonly<{ status: 'protected' | 'erased' | 'withheld' }>;

/**
 * Replaces a sealed caller by its status in events leaving the system for readers (stream
 * history, exports, the CLI): they need to know there was a caller and whether it can still
 * be reached, never the ciphertext, which is useless to them and one more copy to leak.
 */
export const callerRedactor = (keys: Pick<CallerKeyStore, 'find'>) => {
  const status = async (data: AlertReceivedData): Promise<RedactedCaller | undefined> => {
    const caller = data.caller;
    if (!caller) return undefined;
    if (!caller.sealed) return { status: 'withheld' };
    return { status: (await keys.find(caller.keyId)) ? 'protected' : 'erased' };
  };
  return async <E extends StoredEvent>(event: E): Promise<E> => {
    if (event.type !== 'AlertReceived') return event;
    const data = event.data as AlertReceivedData;
    const caller = await status(data);
    return caller ? { ...event, data: { ...data, caller } } : event;
  };
};

export type CallerRedactor = ReturnType<typeof callerRedactor>;
