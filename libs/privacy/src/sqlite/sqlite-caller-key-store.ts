import Database from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { EventStoreUnavailable } from '@poc/event-store';
import type { CallerKey, CallerKeyStore } from '../caller-key-store.port';

const KEY_BYTES = 32;

/**
 * Embedded: a SQLite file of its own beside the events' file. Rollback journal (not WAL) and
 * secure_delete, so a forgotten key is zeroed in the file and its old page lives only in a
 * journal that is unlinked at commit: no WAL frame keeps it after forget. Each write is
 * fsynced (synchronous=FULL): a key is durable before any event is sealed with it.
 */
export class SqliteCallerKeyStore implements CallerKeyStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    try {
      this.db = new Database(file);
    } catch (error) {
      throw new EventStoreUnavailable(`cannot open the caller key store at ${file}`, { cause: error });
    }
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS caller_keys (
        key_id TEXT PRIMARY KEY, key BLOB NOT NULL, phone_index TEXT UNIQUE, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS caller_key_alerts (
        key_id TEXT NOT NULL REFERENCES caller_keys (key_id) ON DELETE CASCADE,
        alert_id TEXT NOT NULL, PRIMARY KEY (key_id, alert_id));
      CREATE TABLE IF NOT EXISTS caller_index_secret (id INTEGER PRIMARY KEY CHECK (id = 1), secret BLOB NOT NULL);`);
  }

  private readonly keyForTx = (request: { phoneIndex?: string; alertId: string }): CallerKey => {
    const existing = request.phoneIndex
      ? this.db.prepare<[string], { key_id: string; key: Buffer }>('SELECT key_id, key FROM caller_keys WHERE phone_index = ?').get(request.phoneIndex)
      : undefined;
    const made = existing ?? { key_id: randomUUID(), key: randomBytes(KEY_BYTES) };
    if (!existing) {
      this.db
        .prepare('INSERT INTO caller_keys (key_id, key, phone_index, created_at) VALUES (?, ?, ?, ?)')
        .run(made.key_id, made.key, request.phoneIndex ?? null, new Date().toISOString());
    }
    this.db.prepare('INSERT OR IGNORE INTO caller_key_alerts (key_id, alert_id) VALUES (?, ?)').run(made.key_id, request.alertId);
    return { keyId: made.key_id, key: made.key };
  };

  async keyFor(request: { phoneIndex?: string; alertId: string }): Promise<CallerKey> {
    return this.db.transaction(this.keyForTx).immediate(request);
  }

  async find(keyId: string): Promise<Buffer | undefined> {
    return this.db.prepare<[string], { key: Buffer }>('SELECT key FROM caller_keys WHERE key_id = ?').get(keyId)?.key;
  }

  async alertsOf(keyId: string): Promise<readonly string[]> {
    return this.db
      .prepare<[string], { alert_id: string }>('SELECT alert_id FROM caller_key_alerts WHERE key_id = ? ORDER BY alert_id')
      .all(keyId)
      .map((row) => row.alert_id);
  }

  async forget(keyId: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM caller_key_alerts WHERE key_id = ?').run(keyId);
      this.db.prepare('DELETE FROM caller_keys WHERE key_id = ?').run(keyId);
    }).immediate();
  }

  async indexSecret(): Promise<Buffer> {
    this.db.prepare('INSERT OR IGNORE INTO caller_index_secret (id, secret) VALUES (1, ?)').run(randomBytes(KEY_BYTES));
    return this.db.prepare<[], { secret: Buffer }>('SELECT secret FROM caller_index_secret WHERE id = 1').get()!.secret;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
