import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { client } from '../support/http-client';
import { analystCli, PLANTED_ALERT, PLANTED, plantedIn } from '../support/planted-caller';

const KEYS = { operator: 'op-key-privacy-02', ops: 'ops-key-privacy-02', analyst: 'an-key-privacy-02', admin: 'ad-key-privacy-02' };
const API_KEYS = Object.entries(KEYS).map(([role, key]) => `${role}:${key}`).join(',');
const entry = (app: string) => `apps/${app}/src/main.ts`;

/** Every row of every table of the database, as text: events, outbox, read models, keys. */
const allRows = async (pool: Pool): Promise<string> => {
  const { rows: tables } = await pool.query<{ name: string }>(
    "SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'",
  );
  const dumps = await Promise.all(tables.map(async ({ name }) => (await pool.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`)).rows.map((r) => r.row).join('\n')));
  return dumps.join('\n');
};

/** The bytes of every table file of the database (heap and TOAST), dead tuples included. */
const tableFiles = async (pool: Pool): Promise<Buffer> => {
  await pool.query('CHECKPOINT');
  const { rows } = await pool.query<{ path: string }>(
    "SELECT pg_relation_filepath(oid) AS path FROM pg_class WHERE relkind IN ('r', 't') AND relfilenode <> 0 AND relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace)",
  );
  const files = await Promise.all(rows.map(async ({ path }) => (await pool.query<{ data: Buffer }>('SELECT pg_read_binary_file($1, 0, 1e9::bigint, true) AS data', [path])).rows[0]?.data ?? Buffer.alloc(0)));
  return Buffer.concat(files);
};

/**
 * Issue 6's planted-number test, distributed: command-api, relay, projector and query-api as
 * processes on a fresh PostgreSQL database and a Kafka topic of their own.
 */
describe('a planted caller, distributed (PostgreSQL, Kafka)', () => {
  const dir = tempDir('poc-privacy-dist-');
  const database = `privacy_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  const env: Record<string, string> = {
    EVENT_STORE: 'postgres',
    BUS: 'kafka',
    DATABASE_URL: url.toString(),
    KAFKA_BROKERS: process.env.KAFKA_BROKERS!,
    KAFKA_TOPIC: `poc.privacy.${randomUUID().slice(0, 8)}`,
    KAFKA_PARTITIONS: '2',
    PROJECTOR_GROUP: `privacy-${randomUUID().slice(0, 8)}`,
    API_KEYS,
    LOG_LEVEL: 'debug',
    ALERTS_RATE_LIMIT: 'off',
    DATA_DIR: join(dir, 'data'),
  };
  const apps: Record<string, AppProcess> = {};
  let pool: Pool;
  let alertId: string;
  let position: number;

  beforeAll(async () => {
    await admin.query(`CREATE DATABASE ${database}`);
    pool = new Pool({ connectionString: env.DATABASE_URL, max: 2 });
    pool.on('error', () => undefined);
    apps.command = await startApp(entry('command-api'), env);
    [apps.relay, apps.projector, apps.query] = await Promise.all([
      startApp(entry('relay'), env),
      startApp(entry('projector'), env),
      startApp(entry('query-api'), env),
    ]);
    const posted = await client(apps.command.url, KEYS.operator).post('/alerts', PLANTED_ALERT);
    expect(posted.status).toBe(201);
    alertId = posted.body.id;
    position = posted.body.position;
  }, 180_000);

  afterAll(async () => {
    await Promise.all(Object.values(apps).map((a) => a.kill('SIGKILL')));
    await pool?.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const topic = () => execFileSync('kcat', ['-b', env.KAFKA_BROKERS!, '-C', '-t', env.KAFKA_TOPIC!, '-e', '-J', '-q'], { encoding: 'utf8' });

  it('has the number nowhere but GET /alerts/{id}/caller: tables, table files, the Kafka topic, read models, exports, logs', async () => {
    expect((await client(apps.command!.url, KEYS.ops).get(`/alerts/${alertId}/caller`)).body).toEqual({ alertId, ...PLANTED });
    const analyst = client(apps.query!.url, KEYS.analyst);
    const alert = await analyst.get(`/alerts/${alertId}?minPosition=${position}`);
    expect(alert.body).toMatchObject({ hasCaller: true, callerStatus: 'protected' });
    const kafka = topic();
    expect(kafka).toContain(alertId);
    const places: Record<string, string | Buffer> = {
      'PostgreSQL rows': await allRows(pool),
      'PostgreSQL table files': await tableFiles(pool),
      'Kafka topic (kcat)': kafka,
      'GET /alerts/{id}': JSON.stringify(alert.body),
      'GET /streams/{id}': JSON.stringify((await analyst.get(`/streams/alert-${alertId}`)).body),
      'export events': (await analystCli(['export', 'events', '--format', 'ndjson'], env)).stdout,
      ...Object.fromEntries(Object.entries(apps).map(([name, app]) => [`${name} logs`, app.output()])),
    };
    const found = Object.entries(places).flatMap(([where, text]) => plantedIn(text).map((form) => `${form} in ${where}`));
    expect(found).toEqual([]);
  });

  it('after DELETE /alerts/{id}/caller no table file holds the key, and the topic\'s ciphertext opens for no one', async () => {
    const { rows } = await pool.query<{ key: Buffer }>('SELECT key FROM caller_keys');
    expect(rows).toHaveLength(1);
    const key = rows[0]!.key;
    expect((await tableFiles(pool)).includes(key)).toBe(true);

    const forgotten = await client(apps.command!.url, KEYS.admin).delete(`/alerts/${alertId}/caller`);
    expect(forgotten.status).toBe(200);
    expect((await client(apps.command!.url, KEYS.ops).get(`/alerts/${alertId}/caller`)).status).toBe(410);
    expect((await tableFiles(pool)).includes(key)).toBe(false);
    expect(await allRows(pool)).not.toContain(key.toString('hex'));
    const alert = await client(apps.query!.url, KEYS.analyst).get(`/alerts/${alertId}?minPosition=${forgotten.body.position}`);
    expect(alert.body).toMatchObject({ callerStatus: 'erased', description: 'armed men east of the village' });
    expect(topic()).toContain('CallerErased');
  });
});
