import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

type Figure = { key: string; value: number | null; of?: number; share?: number | null; trace: string };
type Report = { period: { from: string; to: string; asOf: string }; sections: { id: string; figures: Figure[] }[] };

const BANKASS = { lat: 14.0775, lon: -3.5159, precision: 1, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' };
const KORO = { lat: 14.0667, lon: -3.0833, precision: 1, place: 'Koro', cercle: 'Koro', region: 'Mopti' };

// What is posted below, and so what the March report must say: figures checked against the
// posts, never against a stored total.
const INCIDENTS = [
  { occurredAt: '2020-03-03T05:00:00Z', location: BANKASS, kind: 'attack-on-civilians', fatalities: 4, injured: 1, targetsCivilians: true, timePrecision: 1 },
  { occurredAt: '2020-03-12T05:00:00Z', location: KORO, kind: 'clash', fatalities: 1, injured: 0, targetsCivilians: false, timePrecision: 1 },
  { occurredAt: '2020-03-20T05:00:00Z', location: KORO, kind: 'attack-on-civilians', fatalities: 0, injured: 2, targetsCivilians: true, timePrecision: 1 },
  { occurredAt: '2020-04-02T05:00:00Z', location: BANKASS, kind: 'abduction', fatalities: 0, injured: 0, targetsCivilians: true, timePrecision: 1 },
];
// The attack behind the TOB below is a fourth March incident.
const inMarch = [...INCIDENTS.filter((i) => i.occurredAt.startsWith('2020-03')), { fatalities: 0, targetsCivilians: true }];

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /reports/period (%s)', (_store, start) => {
  let running: InProcessApp;

  const { write: post, get } = readYourWrites(() => running);
  const report = (query: string, headers: Record<string, string> = {}) => get(`/reports/period?${query}`, 'analyst', headers);
  const figure = (r: Report, key: string) => r.sections.flatMap((s) => s.figures).find((f) => f.key === key)!;

  beforeAll(async () => {
    running = await start();
    for (const incident of INCIDENTS) await post('/incidents', incident);
    const alert = await post('/alerts', { channel: 'hotline', receivedAt: '2020-03-02T08:00:00Z', location: BANKASS, threat: { kind: 'attack-on-civilians' } });
    await post('/alerts', { channel: 'radio', receivedAt: '2020-03-05T08:00:00Z', location: KORO, threat: { kind: 'other' } });
    await post('/flights', { dispatchedAt: '2020-03-02T09:00:00Z', target: { lat: BANKASS.lat, lon: BANKASS.lon, radiusKm: 10 }, alertIds: [alert.id] });
    await post('/patrols', { operation: 'Buffalo', unit: 'LRMP-1', startedAt: '2020-03-04T06:00:00Z', area: { lat: KORO.lat, lon: KORO.lon, radiusKm: 15 } });
    // A TOB after the attack of 12 March, the mission told by a hotline call 2 h after it; two mediation missions.
    const attack = await post('/incidents', { occurredAt: '2020-03-12T04:00:00Z', location: KORO, kind: 'attack-on-civilians', fatalities: 0, source: 'civilian' });
    const warned = await post('/alerts', { channel: 'hotline', receivedAt: '2020-03-12T06:00:00Z', location: KORO, threat: { kind: 'attack-on-civilians' } });
    await post(`/alerts/${warned.id}/link-incident`, { incidentId: attack.id });
    const base = await post('/bases', { establishedAt: '2020-03-13T18:00:00Z', location: KORO, triggerIncidentId: attack.id });
    for (const date of ['2020-03-15T10:00:00Z', '2020-03-20T10:00:00Z']) await post(`/bases/${base.id}/activities`, { kind: 'mediation-mission', cercle: 'Koro', date });
  });
  afterAll(() => running?.close());

  it('gives the incidents, alerts and operations of the period, each with its trace', async () => {
    const res = await report('from=2020-03-01&to=2020-03-31');
    expect(res.statusCode).toBe(200);
    const body = res.json<Report>();
    expect(body.period).toMatchObject({ from: '2020-03-01', to: '2020-03-31' });
    expect(figure(body, 'incidents.total').value).toBe(inMarch.length);
    expect(figure(body, 'incidents.targetingCivilians')).toMatchObject({ value: inMarch.filter((i) => i.targetsCivilians).length, of: inMarch.length });
    expect(figure(body, 'incidents.fatalities').value).toBe(inMarch.reduce((n, i) => n + i.fatalities, 0));
    expect(figure(body, 'incidents.total').trace).toBe('/incidents?from=2020-03-01&to=2020-03-31');
    expect(figure(body, 'alerts.received').value).toBe(3);
    expect(figure(body, 'alerts.responded')).toMatchObject({ value: 1, of: 3 });
    expect(figure(body, 'alertOutcomes.linkedToIncident')).toMatchObject({ value: 1, of: 3 });
    expect(figure(body, 'tobs.established').value).toBe(1);
    expect(figure(body, 'tobs.within48hOfInformed')).toMatchObject({ value: 1, of: 1, share: 1 });
    expect(figure(body, 'tobs.medianHoursFromInformed').value).toBe(36);
    expect(figure(body, 'tobs.activities.mediation-mission.Koro').value).toBe(2);
    expect(figure(body, 'operations.patrols').value).toBe(1);
    expect(figure(body, 'operations.flights').value).toBe(1);
  });

  it('counts what its trace route lists', async () => {
    const body = (await report('from=2020-03-01&to=2020-03-31')).json<Report>();
    const listed = await running.app.inject({ method: 'GET', url: figure(body, 'incidents.total').trace, headers: bearer('analyst') });
    expect(listed.json<unknown[]>()).toHaveLength(figure(body, 'incidents.total').value!);
  });

  it('leaves out what had not been recorded by asOf', async () => {
    const body = (await report('from=2020-03-01&to=2020-03-31&asOf=2000-01-01')).json<Report>();
    expect(figure(body, 'incidents.total').value).toBe(0);
  });

  it('answers Markdown tables for a letter annex', async () => {
    const res = await report('from=2020-03-01&to=2020-03-31', { accept: 'text/markdown' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown/);
    expect(res.body).toContain(`| incidents | ${inMarch.length} |`);
  });

  it('refuses a period that is not two days in order, naming the field', async () => {
    const bad = await report('from=March&to=2020-03-31');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('from');
    expect((await report('from=2020-04-01&to=2020-03-01')).statusCode).toBe(400);
  });
});
