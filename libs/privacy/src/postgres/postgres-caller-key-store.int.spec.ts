import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { callerKeyStoreContract } from '@poc/privacy/testing';
import { PostgresCallerKeyStore } from './postgres-caller-key-store';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: the int tier starts PostgreSQL (tests/setup/global-setup.ts)');
const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(async () => admin.end());

/**
 * The key bytes as PostgreSQL's table files hold them: every tuple on every page, dead ones
 * included, read with pageinspect-free means: the raw heap pages through pg_read_binary_file.
 */
const tableFiles = async (pool: Pool): Promise<Buffer> => {
  await pool.query('CHECKPOINT');
  const { rows } = await pool.query<{ path: string }>(
    "SELECT pg_relation_filepath(c.oid) AS path FROM pg_class c WHERE c.relname IN ('caller_keys', 'caller_key_alerts', 'caller_index_secret') OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relname = 'caller_keys')",
  );
  const files = await Promise.all(
    rows.map(async ({ path }) => (await pool.query<{ data: Buffer }>('SELECT pg_read_binary_file($1) AS data', [path])).rows[0]!.data),
  );
  return Buffer.concat(files);
};

callerKeyStoreContract('PostgreSQL', async () => {
  const database = `caller_keys_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  const pool = new Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', () => undefined);
  const store = await PostgresCallerKeyStore.open(pool);
  return {
    store,
    rawBytes: () => tableFiles(pool),
    teardown: async () => {
      await pool.end();
      await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    },
  };
});
