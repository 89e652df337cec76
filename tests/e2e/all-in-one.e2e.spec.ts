import { rmSync } from 'node:fs';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { client } from '../support/http-client';
import { API_KEYS, at, BANKASS, KEYS, OGOSSAGOU, runAlertFlow } from '../support/alert-flow';

/**
 * The embedded default as a real child process on a temporary SQLite file, driven over
 * HTTP the way the hotline console and the operations centre drive it.
 */
const ENTRY = 'apps/all-in-one/src/main.ts';
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  API_KEYS,
  LOG_LEVEL: 'warn',
});


describe('all-in-one over HTTP', () => {
  let dataDir: string;
  let app: AppProcess;

  beforeAll(async () => {
    dataDir = tempDir('poc-e2e-');
    app = await startApp(ENTRY, env(dataDir));
  });
  afterAll(async () => {
    await app?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('records the alert-to-deterrence flow and answers with the right numbers', async () => {
    await runAlertFlow(app.url, app.url);
  });

  it('refuses bad input with 400 naming each field, and stores nothing', async () => {
    const ops = client(app.url, KEYS.ops);
    const before = (await ops.get('/health')).body.details.eventStore.lastPosition;
    const bad = await ops.post('/alerts', {
      channel: 'carrier-pigeon',
      receivedAt: 'yesterday',
      location: { lat: 91, lon: '-3.6' },
      threat: { kind: 'attack-on-civilians' },
      colour: 'red',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'receivedAt', 'location.lat', 'location.lon', 'colour']));
    expect((await ops.post('/incidents', '{"occurredAt": ', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await ops.post('/patrols/not a valid id!/complete', { endedAt: '2020-03-03T15:00:00Z' })).status).toBe(400);
    expect((await ops.get('/health')).body.details.eventStore.lastPosition).toBe(before);
  });

  it('enforces roles and keys', async () => {
    expect((await client(app.url, 'wrong-key-000000').get('/alerts')).status).toBe(401);
    expect((await client(app.url, KEYS.operator).get('/alerts')).status).toBe(403);
    expect((await client(app.url, KEYS.analyst).post('/patrols', {})).status).toBe(403);
  });

  it('honours Idempotency-Key and If-Match', async () => {
    const ops = client(app.url, KEYS.ops);
    const body = { occurredAt: '2020-04-01T10:00:00Z', location: at(OGOSSAGOU), kind: 'looting' };
    const first = await ops.post('/incidents', body, { 'idempotency-key': 'k-123' });
    const again = await ops.post('/incidents', body, { 'idempotency-key': 'k-123' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await ops.post('/incidents', { ...body, kind: 'clash' }, { 'idempotency-key': 'k-123' });
    expect(other.status).toBe(409);
    const stale = await ops.post(`/incidents/${first.body.id}/correct`, { fatalities: 2 }, { 'if-match': '0' });
    expect(stale.status).toBe(409);
    const fresh = await ops.post(`/incidents/${first.body.id}/correct`, { fatalities: 2 }, { 'if-match': '1' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.version).toBe(2);
  });

  it('keeps an acknowledged event through a SIGKILL and applies it after restart', async () => {
    const ops = client(app.url, KEYS.ops);
    const created = await ops.post('/incidents', { occurredAt: '2020-04-02T10:00:00Z', location: at(BANKASS), kind: 'abduction' });
    expect(created.status).toBe(201);
    await app.kill('SIGKILL');

    app = await startApp(ENTRY, env(dataDir));
    const restarted = client(app.url, KEYS.ops);
    const stream = await restarted.get(`/streams/incident-${created.body.id}`);
    expect(stream.status).toBe(200);
    expect(stream.body).toHaveLength(1);
    expect(stream.body[0]).toMatchObject({ type: 'IncidentReported', position: created.body.position });
    const view = await restarted.get(`/incidents/${created.body.id}?minPosition=${created.body.position}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ incidentId: created.body.id, kind: 'abduction', status: 'active' });
  });
});
