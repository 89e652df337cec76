import type { Problem } from '../shared/api';

export type OutboxStatus = 'waiting' | 'sent' | 'rejected';

/** One alert as typed: kept in the browser until the API has stored it (or refused it). */
export type OutboxEntry = {
  /** Also the Idempotency-Key: a resend after a lost answer is stored once. */
  key: string;
  /** Order of typing; entries are sent in this order. */
  seq: number;
  actor: string;
  body: Record<string, unknown>;
  typedAt: string;
  status: OutboxStatus;
  alertId?: string;
  problem?: Problem;
};

const DB = 'poc-console';
const STORE = 'outbox';

const open = (): Promise<IDBDatabase> =>
  new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('seq', 'seq');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

let db: Promise<IDBDatabase> | undefined;
const store = async (mode: IDBTransactionMode): Promise<IDBObjectStore> => (await (db ??= open())).transaction(STORE, mode).objectStore(STORE);

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Written before anything is sent: a tab closed or a browser crash mid-send loses nothing. */
export const putEntry = async (entry: OutboxEntry): Promise<void> => {
  await done((await store('readwrite')).put(entry));
};

export const removeEntry = async (key: string): Promise<void> => {
  await done((await store('readwrite')).delete(key));
};

export const allEntries = async (): Promise<OutboxEntry[]> => {
  const entries = await done((await store('readonly')).index('seq').getAll() as IDBRequest<OutboxEntry[]>);
  return entries.sort((a, b) => a.seq - b.seq);
};
