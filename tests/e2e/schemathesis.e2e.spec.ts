import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENDPOINTS, seedIds, type Post } from '../security/fuzz-endpoints';
import { ROOT, startApp, tempDir, type AppProcess } from '../support/app-process';

/**
 * The embedded default as a child process, tested by schemathesis against its own
 * /docs-json: no 5xx, and every status, content type and body as published
 * (infra/schemathesis/run.sh says which checks and why).
 */
const ENTRY = 'apps/all-in-one/src/main.ts';
const ADMIN = `admin-key-${randomBytes(8).toString('hex')}`;
const OPS = `ops-key-${randomBytes(8).toString('hex')}`;

/** Runs a command, collecting its output; never rejects (the exit code is the verdict). */
const run = (file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> =>
  new Promise((done) => {
    let output = '';
    const child = spawn(file, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code, output }));
    child.on('error', (error) => done({ code: null, output: `${output}\n${error.message}` }));
  });

/** Stored data of every kind, some of it moved on (triaged, completed), one incident still active. */
const seed = async (url: string): Promise<string> => {
  const post: Post = async (path, body) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  const ids = await seedIds(post, 2);
  const change = async (path: string, id: string) => {
    const res = await post(path.replace('{id}', id), ENDPOINTS.find((e) => e.path === path)!.valid());
    if (res.status !== 200) throw new Error(`seeding ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  await change('/alerts/{id}/triage', ids.alert[0]!);
  await change('/flights/{id}/complete', ids.flight[0]!);
  await change('/patrols/{id}/complete', ids.patrol[0]!);
  await change('/ieds/{id}/neutralize', ids.ied[0]!);
  await change('/incidents/{id}/correct', ids.incident[0]!);
  const assessment = ENDPOINTS.find((e) => e.path === '/retaliation-assessments')!.valid();
  const assessed = await post('/retaliation-assessments', { ...assessment, incidentId: ids.incident[0] });
  if (assessed.status !== 201) throw new Error(`seeding a retaliation assessment: ${assessed.status}`);
  return Object.entries(ids).flatMap(([kind, list]) => list.map((id) => `${kind} ${id}`)).join('\n');
};

describe('schemathesis against the all-in-one', () => {
  let dataDir: string;
  let app: AppProcess;

  beforeAll(async () => {
    dataDir = tempDir('poc-schemathesis-');
    app = await startApp(ENTRY, {
      DATA_DIR: dataDir,
      API_KEYS: `admin:${ADMIN},ops:${OPS}`,
      LOG_LEVEL: 'warn',
      // Thousands of alerts in a minute: the limit would answer most of them 429.
      ALERTS_RATE_LIMIT: 'off',
      // Generated ?minPosition= values lie far ahead: each would wait the full 5 s default.
      MIN_POSITION_WAIT_MS: '200',
    });
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Long: the first run installs schemathesis from PyPI into infra/schemathesis/.venv.
  it('finds no server error and no answer that breaks the published schema', async () => {
    const idsFile = join(dataDir, 'schemathesis-ids.txt');
    writeFileSync(idsFile, await seed(app.url));
    const { code, output } = await run('bash', [join(ROOT, 'infra/schemathesis/run.sh'), app.url], {
      SCHEMATHESIS_AUTHORIZATION: `Bearer ${ADMIN}`,
      SCHEMATHESIS_IDS: idsFile,
    });
    if (code !== 0) {
      // The failures and the summary come last; the app's log says what a 500 was.
      const report = output.split('\n').slice(-250).join('\n');
      throw new Error(`schemathesis exited with ${code}:\n${report}\n---- app output (tail) ----\n${app.output().slice(-4000)}`);
    }
  }, 900_000);
});
