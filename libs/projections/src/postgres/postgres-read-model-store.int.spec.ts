import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { alertsProjection } from '../alerts/alerts.projection';
import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionRunner } from '../projection-runner';
import { CALLER_PHONE, history, readModelStoreContract } from '@poc/projections/testing';
import { PostgresReadModelStore } from './postgres-read-model-store';

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  // Fail, never skip: the int tier's globalSetup starts a server and sets it.
  throw new Error(
    'DATABASE_URL is not set: the PostgreSQL read-model store tests need a server ' +
      '(`npx jest --selectProjects int` starts one; or eval "$(infra/up.sh)" and run with POC_INFRA=external)',
  );
}

/** For creating and dropping the test databases. */
const admin = new Pool({ connectionString: DATABASE_URL, max: 2 });
afterAll(() => admin.end());

/** DATABASE_URL with another database name. */
const urlOf = (database: string): string => {
  const url = new URL(DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
};

/**
 * The test server is initialised with the C locale, but a production one (the postgres:15
 * image) sorts text by en_US rules by default. Test databases take such a collation, so
 * that no ordering silently relies on C.
 */
const PRODUCTION_LIKE_LOCALE = "TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'";

/** A fresh database on DATABASE_URL's server; each `open` is a new pool to it (another projector). */
const freshDatabase = async () => {
  const database = `rm_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database} ${PRODUCTION_LIKE_LOCALE}`).catch((error: Error) => {
    throw new Error(`${error.message} (creating a test database with an ICU en-US collation: PostgreSQL 15 or later, built with ICU)`);
  });
  const pools: Pool[] = [];
  const open = (): Pool => {
    const pool = new Pool({ connectionString: urlOf(database), max: 5 });
    pool.on('error', () => undefined); // DROP … WITH (FORCE) ends idle clients
    pools.push(pool);
    return pool;
  };
  return {
    database,
    open,
    teardown: async () => {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
};

readModelStoreContract('PostgreSQL', async () => {
  const { open, teardown } = await freshDatabase();
  return { store: new PostgresReadModelStore(open()), second: () => new PostgresReadModelStore(open()), teardown };
});

describe('PostgresReadModelStore', () => {
  let made: Awaited<ReturnType<typeof freshDatabase>>;
  let pool: Pool;
  let store: PostgresReadModelStore;
  beforeEach(async () => {
    made = await freshDatabase();
    pool = made.open();
    store = new PostgresReadModelStore(pool);
    await new ProjectionRunner(store, ALL_PROJECTIONS).init();
  });
  afterEach(() => made.teardown());

  it('the caller appears in no row of any read-model table', async () => {
    await new ProjectionRunner(store, ALL_PROJECTIONS).handle(history().events);
    const { rows: tables } = await pool.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name LIKE 'rm\\_%'",
    );
    expect(tables.map((t) => t.name)).toContain('rm_alerts');
    for (const { name } of tables) {
      const { rows } = await pool.query(`SELECT * FROM "${name}"`);
      expect(JSON.stringify(rows)).not.toContain(CALLER_PHONE);
    }
  });

  it('a document the server refuses (JSONB cannot hold U+0000) rolls back the writes made before it', async () => {
    const good = { alertId: 'a8', responses: [] };
    const bad = { alertId: 'a9', responses: [], description: 'a\u0000b' };
    const write = (key: string, doc: object) => ({ collection: alertsProjection.collection, key, doc, columns: alertsProjection.columnsOf(doc as never), expectedRev: 0 });
    await expect(
      store.commit({ writes: [write('a8', good), write('a9', bad)], checkpoints: [{ projection: 'alerts', position: 3 }], streamVersions: [] }),
    ).rejects.toThrow(/\\u0000|unsupported Unicode/);
    expect(await store.load(alertsProjection.collection, ['a8', 'a9'])).toEqual(new Map());
    expect(await store.checkpoint('alerts')).toBe(0);
    // The pool's client came back usable.
    await store.commit({ writes: [write('a8', good)], checkpoints: [], streamVersions: [] });
    expect(await store.find(alertsProjection.collection)).toEqual([good]);
  });

  it('test databases sort text by en-US rules, not by code point, as a production server would', async () => {
    const { rows } = await pool.query("SELECT x FROM (VALUES ('b'), ('a'), ('B')) v(x) ORDER BY x");
    expect(rows.map((r) => r.x)).toEqual(['a', 'b', 'B']);
  });

  it('keeps revisions, positions and versions as BIGINT, documents as JSONB, and text in the C collation', async () => {
    const { rows } = await pool.query(
      `SELECT table_name, column_name, data_type, collation_name FROM information_schema.columns
       WHERE table_schema = 'public' AND (column_name IN ('rev', 'doc', 'position', 'version') OR table_name = 'rm_alerts')`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { table_name: 'rm_alerts', column_name: 'key', data_type: 'text', collation_name: 'C' },
        { table_name: 'rm_alerts', column_name: 'status', data_type: 'text', collation_name: 'C' },
        { table_name: 'rm_alerts', column_name: 'doc', data_type: 'jsonb', collation_name: null },
        { table_name: 'rm_alerts', column_name: 'responded', data_type: 'bigint', collation_name: null },
        { table_name: 'rm_alerts', column_name: 'rev', data_type: 'bigint', collation_name: null },
        { table_name: 'rm_checkpoints', column_name: 'position', data_type: 'bigint', collation_name: null },
        { table_name: 'rm_stream_versions', column_name: 'version', data_type: 'bigint', collation_name: null },
      ]),
    );
  });
});
