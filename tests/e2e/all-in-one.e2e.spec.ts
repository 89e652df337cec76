import { rmSync } from 'node:fs';
import { startApp, tempDir, type AppProcess } from '../support/app-process';
import { client } from '../support/http-client';

/**
 * The embedded default as a real child process on a temporary SQLite file, driven over
 * HTTP the way the hotline console and the operations centre drive it.
 */
const ENTRY = 'apps/all-in-one/src/main.ts';
const KEYS = { operator: 'operator-key-e2e-0001', ops: 'ops-key-e2e-0001', analyst: 'analyst-key-e2e-0001' };
const env = (dataDir: string) => ({
  DATA_DIR: dataDir,
  API_KEYS: `operator:${KEYS.operator},ops:${KEYS.ops},analyst:${KEYS.analyst}`,
  LOG_LEVEL: 'warn',
});

const OGOSSAGOU = { lat: 14.15, lon: -3.62 };
const BANKASS = { lat: 14.0775, lon: -3.5159 };
/** A point `km` north of a place (1° of latitude ≈ 111.2 km). */
const north = (p: { lat: number; lon: number }, km: number) => ({ lat: p.lat + km / 111.2, lon: p.lon });
const at = (p: { lat: number; lon: number }, extra: Record<string, unknown> = {}) => ({ ...p, precision: 1, cercle: 'Bankass', region: 'Mopti', ...extra });

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
    const operator = client(app.url, KEYS.operator);
    const ops = client(app.url, KEYS.ops);

    const alert = await operator.post('/alerts', {
      channel: 'hotline',
      receivedAt: '2020-03-01T08:00:00Z',
      location: at(OGOSSAGOU, { precision: 2, place: 'Ogossagou' }),
      threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-02T04:00:00Z' },
      caller: { name: 'A caller', phone: '+223 70 11 22 33' },
    });
    expect(alert.status).toBe(201);
    expect(alert.body).toMatchObject({ id: expect.any(String), streamId: `alert-${alert.body.id}`, version: 1, position: expect.any(Number) });
    const alertId: string = alert.body.id;

    expect((await ops.post(`/alerts/${alertId}/triage`, { priority: 'flash', reliability: 'B', credibility: 2 })).status).toBe(200);

    const flight = await ops.post('/flights', {
      dispatchedAt: '2020-03-01T09:00:00Z',
      target: { ...OGOSSAGOU, radiusKm: 15 },
      alertIds: [alertId],
      aircraft: 'Mi-35',
    });
    expect(flight.status).toBe(201);
    const flightDone = await ops.post(`/flights/${flight.body.id}/complete`, {
      completedAt: '2020-03-01T12:00:00Z',
      overTargetFrom: '2020-03-01T10:00:00Z',
      overTargetTo: '2020-03-01T11:00:00Z',
      outcome: 'dispersal-observed',
    });
    expect(flightDone.status).toBe(200);
    expect(flightDone.body).toMatchObject({ streamId: `flight-${flight.body.id}`, version: 3 });

    const patrol = await ops.post('/patrols', {
      operation: 'Buffalo',
      unit: 'LRMP-1',
      kind: 'long-range',
      startedAt: '2020-03-01T06:00:00Z',
      area: { ...OGOSSAGOU, radiusKm: 20 },
      alertIds: [alertId],
      stops: [
        { ...OGOSSAGOU, arrivedAt: '2020-03-01T16:00:00Z', departedAt: '2020-03-02T07:00:00Z', overnight: true, place: 'Ogossagou' },
        { ...BANKASS, arrivedAt: '2020-03-02T12:00:00Z', departedAt: '2020-03-03T06:00:00Z', overnight: true, place: 'Bankass' },
      ],
    });
    expect(patrol.status).toBe(201);
    const patrolId: string = patrol.body.id;
    expect((await ops.post(`/patrols/${patrolId}/complete`, { endedAt: '2020-03-03T15:00:00Z' })).status).toBe(200);
    expect((await ops.post(`/patrols/${patrolId}/complete`, { endedAt: '2020-03-03T16:00:00Z' })).status).toBe(409);

    const incident = (occurredAt: string, point: { lat: number; lon: number }, extra: Record<string, unknown> = {}) =>
      ops.post('/incidents', { occurredAt, location: at(point), kind: 'attack-on-civilians', fatalities: 1, source: 'civilian', ...extra });
    const reported = [
      await incident('2020-01-20T10:00:00Z', OGOSSAGOU), // before the baseline
      await incident('2020-02-14T03:00:00Z', north(OGOSSAGOU, 2)), // baseline
      await incident('2020-02-20T03:00:00Z', north(BANKASS, 1), { kind: 'clash' }), // baseline, near the second stop
      await incident('2020-03-03T20:00:00Z', OGOSSAGOU), // day 0: transition, left out
      await incident('2020-03-06T05:00:00Z', north(OGOSSAGOU, 6)), // day 3
      await incident('2020-03-08T05:00:00Z', north(OGOSSAGOU, 12)), // day 5, but 12 km away
      await incident('2020-03-10T05:00:00Z', north(BANKASS, 3)), // day 7
      await incident('2020-03-12T05:00:00Z', OGOSSAGOU, { timePrecision: 2 }), // not day-precise
      await incident('2020-03-09T05:00:00Z', OGOSSAGOU), // retracted below
    ];
    expect(reported.map((r) => r.status)).toEqual(Array(9).fill(201));
    const retract = await ops.post(`/incidents/${reported[8]!.body.id}/retract`, { reason: 'duplicate of a radio report' });
    expect(retract.status).toBe(200);
    const lastPosition: number = retract.body.position;

    const alertView = await ops.get(`/alerts/${alertId}?minPosition=${lastPosition}`);
    expect(alertView.status).toBe(200);
    expect(alertView.body).toMatchObject({ status: 'triaged', triage: { priority: 'flash', reliability: 'B', credibility: 2 }, hasCaller: true });
    expect(alertView.body.responses.map((r: { kind: string }) => r.kind).sort()).toEqual(['flight', 'patrol']);
    expect(JSON.stringify(alertView.body)).not.toContain('+223 70 11 22 33');

    const daily = await ops.get(`/incidents/daily?from=2020-03-01&to=2020-03-31&cercle=Bankass&minPosition=${lastPosition}`);
    expect(daily.status).toBe(200);
    expect(daily.body).toEqual([
      { date: '2020-03-03', cercle: 'Bankass', count: 1 },
      { date: '2020-03-06', cercle: 'Bankass', count: 1 },
      { date: '2020-03-08', cercle: 'Bankass', count: 1 },
      { date: '2020-03-10', cercle: 'Bankass', count: 1 },
      { date: '2020-03-12', cercle: 'Bankass', count: 1 },
    ]);

    const deterrence = await ops.get(`/patrols/${patrolId}/deterrence?minPosition=${lastPosition}`);
    expect(deterrence.status).toBe(200);
    expect(deterrence.body).toMatchObject({ patrolId, radiusKm: 10, baseline: { days: 28, count: 2, from: '2020-02-02', to: '2020-02-29' } });
    const counts = deterrence.body.days.map((d: { count: number }) => d.count);
    expect(counts).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(deterrence.body.days.every((d: { atRisk: number }) => d.atRisk === 1)).toBe(true);

    const wide = await ops.get(`/patrols/${patrolId}/deterrence?radiusKm=25`);
    expect(wide.body.days[4]).toMatchObject({ day: 5, count: 1 });
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
