import { ApiRefused, LinkDown, postJson } from '../shared/api';
import { allEntries, putEntry, removeEntry, type OutboxEntry } from './outbox-store';

type Created = { id: string; position: number };
export type SendResult = Readonly<{ entry: OutboxEntry; outcome: 'sent' | 'rejected' | 'waiting' }>;

const RETRY_MS = 3_000;
const listeners = new Set<(link: 'up' | 'down') => void>();
const changes = new Set<() => void>();
let flushing: Promise<void> | undefined;
let link: 'up' | 'down' = 'up';

export const onLinkChange = (listener: (link: 'up' | 'down') => void): void => void listeners.add(listener);
export const onOutboxChange = (listener: () => void): void => void changes.add(listener);
const setLink = (value: 'up' | 'down'): void => {
  if (value !== link) listeners.forEach((l) => l(value));
  link = value;
};

const sendOne = async (entry: OutboxEntry): Promise<OutboxEntry> => {
  try {
    const created = await postJson<Created>('/alerts', entry.body, { 'idempotency-key': entry.key });
    setLink('up');
    return { ...entry, status: 'sent', alertId: created.id };
  } catch (error) {
    if (error instanceof ApiRefused && error.problem.status !== 401 && error.problem.status !== 429) {
      setLink('up');
      return { ...entry, status: 'rejected', problem: error.problem };
    }
    // Link down, a 5xx (nothing stored), signed out or throttled: the same request is retried as it is.
    if (error instanceof LinkDown) setLink('down');
    throw error;
  }
};

/** Sends waiting alerts strictly in the order typed; stops at the first that cannot go yet. */
const flushOnce = async (): Promise<void> => {
  for (const entry of await allEntries()) {
    if (entry.status !== 'waiting') continue;
    let result: OutboxEntry;
    try {
      result = await sendOne(entry);
    } catch {
      return;
    }
    await putEntry(result);
    changes.forEach((c) => c());
  }
};

export const flush = (): Promise<void> => (flushing ??= flushOnce().finally(() => (flushing = undefined)));

let seq = Date.now();
/** Keeps the alert first, then tries to send it (and anything typed before it). */
export const submitAlert = async (actor: string, body: Record<string, unknown>): Promise<SendResult> => {
  const entry: OutboxEntry = { key: crypto.randomUUID(), seq: ++seq, actor, body, typedAt: new Date().toISOString(), status: 'waiting' };
  await putEntry(entry);
  changes.forEach((c) => c());
  await flush();
  // A flush already under way when this was kept may have stopped before reaching it.
  if ((await allEntries()).some((e) => e.key === entry.key && e.status === 'waiting') && link === 'up') await flush();
  const after = (await allEntries()).find((e) => e.key === entry.key) ?? entry;
  return { entry: after, outcome: after.status };
};

/** A refused alert goes back to the form for correction: it does not stay in the outbox. */
export const dropEntry = async (key: string): Promise<void> => {
  await removeEntry(key);
  changes.forEach((c) => c());
};

export const startOutbox = (): void => {
  setInterval(() => void flush(), RETRY_MS);
  window.addEventListener('online', () => void flush());
  void flush();
};
