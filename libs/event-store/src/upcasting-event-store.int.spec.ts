import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore } from './postgres/postgres-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { eventStoreContract, upcastingScenario, type RawRow } from '@poc/event-store/testing';
import { upcasting } from './upcasting-event-store';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('DATABASE_URL is not set: the int tests need a PostgreSQL server (the int global setup starts one)');

const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(() => admin.end());

const openSqlite = () => {
  const dir = mkdtempSync(join(tmpdir(), 'poc-upcasting-'));
  const file = join(dir, 'events.db');
  const raw = new SqliteEventStore(file);
  return {
    raw,
    rawRows: async (streamId: string): Promise<RawRow[]> => {
      const db = new Database(file, { readonly: true });
      try {
        return db
          .prepare<[string], { schema_version: number; data: string }>('SELECT schema_version, data FROM events WHERE stream_id = ? ORDER BY stream_version')
          .all(streamId)
          .map((row) => ({ schema_version: row.schema_version, data: JSON.parse(row.data) as unknown }));
      } finally {
        db.close();
      }
    },
    teardown: async () => {
      await raw.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

const openPostgres = async () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const raw = await PostgresEventStore.open({ connectionString: DATABASE_URL, max: 10 }, { schema });
  return {
    raw,
    rawRows: async (streamId: string): Promise<RawRow[]> =>
      (await admin.query<RawRow>(`SELECT schema_version, data FROM ${schema}.events WHERE stream_id = $1 ORDER BY stream_version`, [streamId])).rows,
    teardown: async () => {
      await raw.close();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
};

upcastingScenario('SQLite', async () => openSqlite());
upcastingScenario('PostgreSQL', openPostgres);

// The decorator is a transparent EventStore: the whole contract holds through it.
const throughUpcasting = async (open: () => Promise<{ raw: SqliteEventStore | PostgresEventStore; teardown: () => Promise<void> }>) => {
  const { raw, teardown } = await open();
  return { store: upcasting(raw), teardown };
};
eventStoreContract('SQLite through upcasting()', () => throughUpcasting(async () => openSqlite()));
eventStoreContract('PostgreSQL through upcasting()', () => throughUpcasting(openPostgres));
