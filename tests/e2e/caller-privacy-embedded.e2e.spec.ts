import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { client } from '../support/http-client';
import { analystCli, PLANTED_ALERT, filesUnder, PLANTED, plantedIn } from '../support/planted-caller';

const KEYS = { operator: 'op-key-privacy-01', ops: 'ops-key-privacy-01', analyst: 'an-key-privacy-01', admin: 'ad-key-privacy-01' };
const API_KEYS = Object.entries(KEYS).map(([role, key]) => `${role}:${key}`).join(',');

/**
 * Issue 6's planted-number test, embedded: a distinctive caller goes in through the API, then
 * every place the system writes to is searched for any form of their name or number.
 */
describe('a planted caller, embedded (SQLite)', () => {
  const dir = tempDir('poc-privacy-');
  const env = { DATA_DIR: join(dir, 'data'), API_KEYS, LOG_LEVEL: 'debug', ALERTS_RATE_LIMIT: 'off' };
  let app: AppProcess;
  let alertId: string;
  let position: number;

  beforeAll(async () => {
    app = await startApp('apps/all-in-one/src/main.ts', env);
    const posted = await client(app.url, KEYS.operator).post('/alerts', PLANTED_ALERT);
    expect(posted.status).toBe(201);
    alertId = posted.body.id;
    position = posted.body.position;
  }, 120_000);

  afterAll(async () => {
    await app?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the caller to ops through the one endpoint meant for it (the plant took)', async () => {
    const shown = await client(app.url, KEYS.ops).get(`/alerts/${alertId}/caller`);
    expect(shown.body).toEqual({ alertId, ...PLANTED });
  });

  it('has the number nowhere else: database files, read models, stream history, exports, logs', async () => {
    const analyst = client(app.url, KEYS.analyst);
    const alert = await analyst.get(`/alerts/${alertId}?minPosition=${position}`);
    expect(alert.body).toMatchObject({ hasCaller: true, callerStatus: 'protected' });
    const places: Record<string, string | Buffer> = {
      'SQLite files (events, read models, WAL, caller keys)': filesUnder(env.DATA_DIR),
      'GET /alerts': JSON.stringify((await analyst.get('/alerts')).body),
      'GET /alerts/{id}': JSON.stringify(alert.body),
      'GET /streams/{id}': JSON.stringify((await analyst.get(`/streams/alert-${alertId}`)).body),
      'export events ndjson': (await analystCli(['export', 'events', '--format', 'ndjson'], env)).stdout,
      'export events csv': (await analystCli(['export', 'events', '--format', 'csv'], env)).stdout,
      'history': (await analystCli(['history', `alert-${alertId}`], env)).stdout,
      'app logs': app.output(),
    };
    expect(String(places['export events ndjson'])).toContain('"status":"protected"');
    const found = Object.entries(places).flatMap(([where, text]) => plantedIn(text).map((form) => `${form} in ${where}`));
    expect(found).toEqual([]);
  });

  it('after forget-caller the key is gone from every file: nothing can open the caller again', async () => {
    const keysDb = new Database(join(env.DATA_DIR, 'caller-keys.sqlite'), { readonly: true });
    const { key } = keysDb.prepare<[], { key: Buffer }>('SELECT key FROM caller_keys').get()!;
    keysDb.close();
    expect(filesUnder(env.DATA_DIR).includes(key)).toBe(true);

    const run = await analystCli(['forget-caller', alertId], env);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringMatching(/caller erased on 1 alert/) });

    expect((await client(app.url, KEYS.ops).get(`/alerts/${alertId}/caller`)).status).toBe(410);
    expect(filesUnder(env.DATA_DIR).includes(key)).toBe(false);
    const exported = (await analystCli(['export', 'events', '--format', 'ndjson'], env)).stdout;
    expect(exported).toContain('"status":"erased"');
    expect(exported).toContain('armed men east of the village');
    const alert = await client(app.url, KEYS.analyst).get(`/alerts/${alertId}?minPosition=${position + 1}`);
    expect(alert.body).toMatchObject({ callerStatus: 'erased', description: 'armed men east of the village' });
  });
});
