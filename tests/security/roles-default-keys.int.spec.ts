import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CommandApiModule } from '../../apps/command-api/src/command-api.module';
import { ProjectorModule } from '@poc/platform/projector';
import { QueryApiModule } from '../../apps/query-api/src/query-api.module';
import { bodies } from './route-table.requests';
import { API_ROLES, type ApiRole } from '@poc/platform/auth';
import { runHttpApp, type RunningApp } from '@poc/platform/wiring';

/**
 * API.md: "The embedded default started with no API_KEYS makes one key per role, stores
 * them under its data folder and prints where." Started the way apps/all-in-one/src/main.ts
 * starts it (runHttpApp, on loopback and a free port), from an environment without API_KEYS.
 */
const KEYS_FILE = 'api-keys.env';
const ENV = { DATA_DIR: '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' };

const keysIn = (file: string): Map<ApiRole, string[]> => {
  const spec = /^API_KEYS=(.*)$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  const keys = new Map<ApiRole, string[]>();
  for (const pair of spec.split(',')) {
    const [role, key] = [pair.slice(0, pair.indexOf(':')) as ApiRole, pair.slice(pair.indexOf(':') + 1)];
    keys.set(role, [...(keys.get(role) ?? []), key]);
  }
  return keys;
};
const modeOf = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('the embedded default without API_KEYS', () => {
  const saved = { ...process.env };
  let dataDir: string;
  let running: RunningApp | undefined;
  let printed: jest.SpyInstance;

  const start = async () => {
    running = await runHttpApp('embedded default', (config) => [CommandApiModule, QueryApiModule, ProjectorModule.forRoot(config.BUS)]);
    return running;
  };
  const stop = async () => {
    await running?.app.close();
    running = undefined;
  };
  const call = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    running!.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload && { payload }) }).then((r) => r.statusCode);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'poc-default-keys-'));
    // Only what the embedded default reads: no API_KEYS, and none of the distributed settings.
    for (const name of ['API_KEYS', 'EVENT_STORE', 'BUS', 'DATABASE_URL', 'KAFKA_BROKERS']) delete process.env[name];
    Object.assign(process.env, ENV, { DATA_DIR: dataDir });
    printed = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await stop();
    printed.mockRestore();
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes one key per role in its data folder, readable by its owner only, and prints where', async () => {
    // when it starts on an empty data folder
    await start();

    // then the folder holds exactly one key per role, each long and unlike the others
    const file = join(dataDir, KEYS_FILE);
    const keys = keysIn(file);
    expect([...keys.keys()].sort()).toEqual([...API_ROLES].sort());
    const all = API_ROLES.flatMap((role) => keys.get(role)!);
    expect(all).toHaveLength(API_ROLES.length);
    expect(new Set(all).size).toBe(API_ROLES.length);
    for (const key of all) expect(key.length).toBeGreaterThanOrEqual(32);
    // and only its owner may read them
    expect(modeOf(file)).toBe('600');
    // and the log says where they are
    expect(printed.mock.calls.flat().join('\n')).toContain(`Created one API key per role (operator, ops, analyst, admin) in ${resolve(file)}`);

    // and each key acts as its role
    const key = (role: ApiRole) => keys.get(role)![0]!;
    expect(await call(key('operator'), 'POST', '/alerts', bodies.alert)).toBe(201);
    expect(await call(key('operator'), 'GET', '/alerts')).toBe(403);
    expect(await call(key('analyst'), 'GET', '/alerts')).toBe(200);
    expect(await call(key('analyst'), 'POST', '/alerts', bodies.alert)).toBe(403);
    expect(await call(key('ops'), 'POST', '/incidents', bodies.incident)).toBe(201);
    expect(await call(key('admin'), 'POST', '/bases', bodies.base)).toBe(201);
    expect(await call('not-one-of-the-generated-keys', 'GET', '/alerts')).toBe(401);
  });

  it('keeps the same keys on the next start, and takes back a copy others could read', async () => {
    // given keys made by a first start, whose file was then copied in by hand (0644)
    await start();
    await stop();
    const file = join(dataDir, KEYS_FILE);
    const before = readFileSync(file, 'utf8');
    chmodSync(file, 0o644);

    // when it starts again
    await start();

    // then it uses the same keys, says so, and only the owner may read them again
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(printed.mock.calls.flat().join('\n')).toContain(`Using one API key per role (operator, ops, analyst, admin) in ${resolve(file)}`);
    expect(modeOf(file)).toBe('600');
    expect(await call(keysIn(file).get('ops')![0]!, 'GET', '/alerts')).toBe(200);
  });
});
