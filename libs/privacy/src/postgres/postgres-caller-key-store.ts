import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { inTransaction } from '@poc/postgres';
import type { CallerKey, CallerKeyStore } from '../caller-key-store.port';

const KEY_BYTES = 32;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS caller_keys (
    key_id uuid PRIMARY KEY, key bytea NOT NULL, phone_index text UNIQUE, created_at timestamptz NOT NULL DEFAULT now());
  CREATE TABLE IF NOT EXISTS caller_key_alerts (
    key_id uuid NOT NULL REFERENCES caller_keys (key_id) ON DELETE CASCADE,
    alert_id text NOT NULL, PRIMARY KEY (key_id, alert_id));
  CREATE TABLE IF NOT EXISTS caller_index_secret (id int PRIMARY KEY CHECK (id = 1), secret bytea NOT NULL);`;

/**
 * Distributed: tables of their own beside the events, never relayed to Kafka. After a
 * forget, VACUUM FULL rewrites the two tables into new files, so the deleted key's bytes
 * are no longer in any table file (PostgreSQL's WAL keeps them until it is recycled:
 * docs/security.md).
 */
export class PostgresCallerKeyStore implements CallerKeyStore {
  private constructor(private readonly pool: Pool) {}

  static async open(pool: Pool): Promise<PostgresCallerKeyStore> {
    // Several processes may start at once: one creates, the others wait on the lock.
    await inTransaction(pool, async (client) => {
      await client.query("SELECT pg_advisory_xact_lock(hashtext('poc.caller_keys.schema'))");
      await client.query(SCHEMA);
    });
    return new PostgresCallerKeyStore(pool);
  }

  async keyFor(request: { phoneIndex?: string; alertId: string }): Promise<CallerKey> {
    const key = await this.keyOf(request.phoneIndex);
    await this.pool.query('INSERT INTO caller_key_alerts (key_id, alert_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [key.keyId, request.alertId]);
    return key;
  }

  /**
   * Insert-or-select in one statement; when a concurrent insert of the same phone wins, this
   * statement's snapshot cannot see its row yet, so it asks again.
   */
  private async keyOf(phoneIndex: string | undefined): Promise<CallerKey> {
    for (let attempt = 0; ; attempt++) {
      const { rows } = await this.pool.query<{ key_id: string; key: Buffer }>(
        `WITH made AS (
           INSERT INTO caller_keys (key_id, key, phone_index) VALUES ($1, $2, $3)
           ON CONFLICT (phone_index) DO NOTHING RETURNING key_id, key)
         SELECT key_id, key FROM made
         UNION ALL SELECT key_id, key FROM caller_keys WHERE $3::text IS NOT NULL AND phone_index = $3
         LIMIT 1`,
        [randomUUID(), randomBytes(KEY_BYTES), phoneIndex ?? null],
      );
      if (rows[0]) return { keyId: rows[0].key_id, key: rows[0].key };
      if (attempt >= 5) throw new Error('caller key: no row after concurrent inserts');
    }
  }

  async find(keyId: string): Promise<Buffer | undefined> {
    if (!/^[0-9a-f-]{36}$/i.test(keyId)) return undefined;
    const { rows } = await this.pool.query<{ key: Buffer }>('SELECT key FROM caller_keys WHERE key_id = $1', [keyId]);
    return rows[0]?.key;
  }

  async alertsOf(keyId: string): Promise<readonly string[]> {
    if (!/^[0-9a-f-]{36}$/i.test(keyId)) return [];
    const { rows } = await this.pool.query<{ alert_id: string }>('SELECT alert_id FROM caller_key_alerts WHERE key_id = $1 ORDER BY alert_id', [keyId]);
    return rows.map((row) => row.alert_id);
  }

  async forget(keyId: string): Promise<void> {
    if (!/^[0-9a-f-]{36}$/i.test(keyId)) return;
    const { rows } = await this.pool.query<{ xid: string }>(
      'WITH gone AS (DELETE FROM caller_keys WHERE key_id = $1 RETURNING 1) SELECT pg_current_xact_id()::text AS xid FROM (SELECT count(*) FROM gone) AS done',
      [keyId],
    );
    // VACUUM FULL copies every row a running snapshot may still see, the deleted key with
    // them: a transaction begun before the delete (a long read, an autovacuum ANALYZE) would
    // keep its bytes in the new files. So wait, briefly, until none is left in this database.
    await this.untilNoSnapshotOlderThan(rows[0]!.xid);
    await this.pool.query('VACUUM FULL caller_key_alerts, caller_keys');
  }

  private async untilNoSnapshotOlderThan(xid: string, waitMs = 10_000): Promise<void> {
    for (const deadline = Date.now() + waitMs; Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const { rows } = await this.pool.query<{ older: number }>(
        `SELECT count(*)::int AS older FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xmin IS NOT NULL
            AND age(backend_xmin) >= age((($1::bigint) % 4294967296)::text::xid)`,
        [xid],
      );
      if (rows[0]!.older === 0) return;
    }
  }

  async indexSecret(): Promise<Buffer> {
    await this.pool.query('INSERT INTO caller_index_secret (id, secret) VALUES (1, $1) ON CONFLICT DO NOTHING', [randomBytes(KEY_BYTES)]);
    const { rows } = await this.pool.query<{ secret: Buffer }>('SELECT secret FROM caller_index_secret WHERE id = 1');
    return rows[0]!.secret;
  }

  async close(): Promise<void> {
    // The pool belongs to the infrastructure that opened it.
  }
}
