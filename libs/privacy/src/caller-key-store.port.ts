/**
 * Where callers' keys live: apart from the events (own SQLite file embedded, own tables in
 * PostgreSQL), so the events, the Kafka topic, backups and exports hold only ciphertext.
 * Deleting a key is the only way a caller is forgotten; everything else is immutable.
 */
export type CallerKey = Readonly<{ keyId: string; key: Buffer }>;

/** Injection token of the caller key store (kept apart from the events). */
export const CALLER_KEYS = Symbol('CALLER_KEYS');

export interface CallerKeyStore {
  /**
   * The key of the caller with this phone index, made on first use; a fresh key when there is
   * no index (a caller who gave only a name). Records that `alertId` holds data sealed with
   * it, so forgetting the caller reaches every alert they made. Durable before it returns:
   * an event must never hold ciphertext whose key could be lost.
   */
  keyFor(request: { phoneIndex?: string; alertId: string }): Promise<CallerKey>;
  /** The key, or undefined once it has been forgotten (or never existed). */
  find(keyId: string): Promise<Buffer | undefined>;
  /** Ids of the alerts recorded as sealed with this key. */
  alertsOf(keyId: string): Promise<readonly string[]>;
  /**
   * Deletes the key, its phone index and its alert links, and then scrubs what the database
   * keeps of deleted rows, so the key cannot be read back from the files either.
   */
  forget(keyId: string): Promise<void>;
  /** The secret of the phone index (HMAC key), made once per store. */
  indexSecret(): Promise<Buffer>;
  close(): Promise<void>;
}
