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

  it('answers the pooled deterrence curve as JSON, CSV and an SVG chart', async () => {
    const analyst = client(app.url, KEYS.analyst);
    const json = await analyst.get('/deterrence?operation=Buffalo&radiusKm=10');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ episodes: 2, methodologyVersion: expect.stringMatching(/^1\./), radiusKm: 10 });
    expect(json.body.days).toHaveLength(14);
    expect(json.body.days.map((d: { incidents: number }) => d.incidents).slice(0, 7)).toEqual([1, 0, 0, 1, 0, 0, 1]);
    const csv = await analyst.get('/deterrence?operation=Buffalo', { accept: 'text/csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body).trim().split('\n');
    expect(lines[0]).toMatch(/^day,incidents,atRisk,rate,rateRatio,ci95Low,ci95High,provisional/);
    expect(lines).toHaveLength(15);
    const svg = await analyst.get('/deterrence/chart.svg?operation=Buffalo');
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(String(svg.body)).toContain('days after departure');
    expect((await analyst.get('/deterrence?radiusKm=-3')).status).toBe(400);
    expect((await analyst.get('/deterrence?groupBy=colour')).status).toBe(400);
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

  it('records retaliation verdicts and answers the mandate figures: response rate and TOB speed', async () => {
    const ops = client(app.url, KEYS.ops);
    const analyst = client(app.url, KEYS.analyst);
    const operator = client(app.url, KEYS.operator);

    // Retaliation verdicts: an analyst's assessment, then a re-assessment that supersedes it.
    const candidate = await ops.post('/incidents', { occurredAt: '2019-07-05T03:00:00Z', location: at(OGOSSAGOU), kind: 'attack-on-civilians', fatalities: 2 });
    expect(candidate.status).toBe(201);
    const incidentId: string = candidate.body.id;
    const first = await analyst.post('/retaliation-assessments', { incidentId, episodeId: 'patrol-lrmp-1-stop-2', verdict: 'undetermined', note: 'awaiting the HRPD report' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: incidentId, streamId: `retaliation-${incidentId}`, version: 1, position: expect.any(Number) });
    const second = await ops.post('/retaliation-assessments', { incidentId, episodeId: 'patrol-lrmp-1-stop-2', verdict: 'retaliation' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ id: incidentId, streamId: `retaliation-${incidentId}`, version: 2 });

    const before = (await ops.get('/health')).body.details.eventStore.lastPosition;
    const bad = await analyst.post('/retaliation-assessments', { incidentId, episodeId: 'patrol-lrmp-1-stop-2', verdict: 'probably' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['verdict']);
    const badFields = await analyst.post('/retaliation-assessments', { incidentId: 'not-a-uuid', episodeId: 'stop 2', verdict: 'retaliation', note: '' });
    expect(badFields.status).toBe(400);
    expect(badFields.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['episodeId', 'incidentId', 'note']);
    expect((await operator.post('/retaliation-assessments', { incidentId, episodeId: 'e1', verdict: 'retaliation' })).status).toBe(403);
    expect((await ops.get('/health')).body.details.eventStore.lastPosition).toBe(before);

    const verdicts = await analyst.get(`/retaliation-assessments?incidentId=${incidentId}&minPosition=${second.body.position}`);
    expect(verdicts.status).toBe(200);
    expect(verdicts.body).toHaveLength(1);
    expect(verdicts.body[0]).toMatchObject({ incidentId, episodeId: 'patrol-lrmp-1-stop-2', verdict: 'retaliation' });
    expect(verdicts.body[0].history.map((a: { verdict: string }) => a.verdict)).toEqual(['undetermined', 'retaliation']);
    const stream = await analyst.get(`/streams/retaliation-${incidentId}`);
    expect(stream.status).toBe(200);
    expect(stream.body.map((e: { type: string }) => e.type)).toEqual(['RetaliationAssessed', 'RetaliationAssessed']);

    // Response rate over June 2019, which no other test uses. By hand:
    //   a1 08:00 flight 08:30, completed → 30 min;  a2 10:00 flight 11:30, still out → 90 min
    //   a3 12:00 flight 12:10, aborted → actionable, no executed response
    //   a4 closed as unfounded → not actionable;  a5 06:00 patrol 09:00 → 180 min
    // actionable 4, responded 3, rate 0.75; minutes [30, 90, 180]: median 90, p90 (3rd of 3) 180.
    const alert = async (receivedAt: string) => {
      const posted = await operator.post('/alerts', { channel: 'hotline', receivedAt, location: at(OGOSSAGOU), threat: { kind: 'attack-on-civilians' } });
      expect(posted.status).toBe(201);
      return posted.body.id as string;
    };
    const flight = async (alertId: string, dispatchedAt: string) => {
      const posted = await ops.post('/flights', { dispatchedAt, target: { ...OGOSSAGOU, radiusKm: 10 }, alertIds: [alertId] });
      expect(posted.status).toBe(201);
      return posted.body.id as string;
    };
    const a1 = await alert('2019-06-10T08:00:00Z');
    const f1 = await flight(a1, '2019-06-10T08:30:00Z');
    expect((await ops.post(`/flights/${f1}/complete`, { completedAt: '2019-06-10T10:00:00Z', outcome: 'dispersal-observed' })).status).toBe(200);
    const a2 = await alert('2019-06-11T10:00:00Z');
    await flight(a2, '2019-06-11T11:30:00Z');
    const a3 = await alert('2019-06-12T12:00:00Z');
    const f3 = await flight(a3, '2019-06-12T12:10:00Z');
    expect((await ops.post(`/flights/${f3}/complete`, { completedAt: '2019-06-12T12:40:00Z', outcome: 'aborted' })).status).toBe(200);
    const a4 = await alert('2019-06-13T14:00:00Z');
    expect((await ops.post(`/alerts/${a4}/close`, { outcome: 'unfounded', closedAt: '2019-06-13T16:00:00Z' })).status).toBe(200);
    const a5 = await alert('2019-06-14T06:00:00Z');
    const patrol = await ops.post('/patrols', { operation: 'Buffalo', unit: 'LRMP-2', startedAt: '2019-06-14T09:00:00Z', area: { ...OGOSSAGOU, radiusKm: 10 }, alertIds: [a5] });
    expect(patrol.status).toBe(201);

    const rate = await ops.get(`/response-rate?from=2019-06-01&to=2019-06-30&minPosition=${patrol.body.position}`);
    expect(rate.status).toBe(200);
    expect(rate.headers.get('x-read-model-stale')).toBeNull();
    expect(rate.body).toEqual({
      actionable: 4,
      responded: 3,
      rate: 0.75,
      medianMinutesToResponse: 90,
      p90MinutesToResponse: 180,
      from: '2019-06-01T00:00:00.000Z',
      to: '2019-06-30T23:59:59.999Z',
    });
    expect((await analyst.get('/response-rate?from=2019-06-01&to=2019-06-30')).body).toEqual(rate.body);
    expect((await ops.get('/response-rate?from=yesterday')).status).toBe(400);
    expect((await operator.get('/response-rate')).status).toBe(403);

    // TOB speed over July 2019: a base established 30 h after the attack that prompted it.
    const trigger = await ops.post('/incidents', { occurredAt: '2019-07-01T00:00:00Z', location: at(BANKASS), kind: 'attack-on-civilians', fatalities: 5 });
    expect(trigger.status).toBe(201);
    const base = await ops.post('/bases', { establishedAt: '2019-07-02T06:00:00Z', location: at(BANKASS), triggerIncidentId: trigger.body.id, name: 'TOB Bankass' });
    expect(base.status).toBe(201);
    const speed = await analyst.get(`/bases/speed?from=2019-07-01&to=2019-07-31&minPosition=${base.body.position}`);
    expect(speed.status).toBe(200);
    expect(speed.body).toEqual({
      bases: 1,
      withTrigger: 1,
      medianHours: 30,
      under48h: 1,
      shareUnder48h: 1,
      from: '2019-07-01T00:00:00.000Z',
      to: '2019-07-31T23:59:59.999Z',
      perBase: [
        {
          baseId: base.body.id,
          name: 'TOB Bankass',
          establishedAt: '2019-07-02T06:00:00.000Z',
          triggerIncidentId: trigger.body.id,
          triggerOccurredAt: '2019-07-01T00:00:00.000Z',
          hours: 30,
        },
      ],
    });
    // The generic route still answers for a base by id.
    expect((await analyst.get(`/bases/${base.body.id}`)).body).toMatchObject({ baseId: base.body.id, triggerIncidentId: trigger.body.id });
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
