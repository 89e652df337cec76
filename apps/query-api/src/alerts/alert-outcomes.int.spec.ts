import { randomUUID } from 'node:crypto';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import type { InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

const BANKASS = { lat: 14.0775, lon: -3.5159, precision: 1, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('alerts that became incidents (%s)', (_store, start) => {
  let running: InProcessApp;
  const id: Record<string, string> = {};

  const { send, write: post, get } = readYourWrites(() => running);

  // What was posted, to check the figures against.
  const posted: { alertId: string; receivedAt: string; outcome?: string; incident?: string }[] = [];

  beforeAll(async () => {
    running = await start();
    id.i1 = (await post('/incidents', { occurredAt: '2020-03-02T04:00:00Z', location: BANKASS, kind: 'attack-on-civilians', fatalities: 3, source: 'civilian' })).id;
    id.i2 = (await post('/incidents', { occurredAt: '2020-03-08T04:00:00Z', location: BANKASS, kind: 'attack-on-civilians', fatalities: 0, source: 'civilian' })).id;
    const alert = async (receivedAt: string, outcome?: string, incident?: string) => {
      const alertId = (await post('/alerts', { channel: 'hotline', receivedAt, location: BANKASS, threat: { kind: 'attack-on-civilians' } })).id;
      if (outcome) await post(`/alerts/${alertId}/close`, { outcome, closedAt: '2020-04-10T00:00:00Z' });
      if (incident) await post(`/alerts/${alertId}/link-incident`, { incidentId: incident });
      posted.push({ alertId, receivedAt, ...(outcome && { outcome }), ...(incident && { incident }) });
      return alertId;
    };
    id.a1 = await alert('2020-03-01T20:00:00Z', 'attack-occurred', id.i1);
    id.a2 = await alert('2020-03-05T06:00:00Z', 'attack-prevented');
    id.a3 = await alert('2020-03-07T06:00:00Z', 'unfounded');
    id.a4 = await alert('2020-03-02T05:00:00Z', undefined, id.i1);
    id.a5 = await alert('2020-03-07T22:00:00Z', 'attack-prevented', id.i2);
    id.a6 = await alert('2020-04-02T06:00:00Z', 'attack-occurred');
  });
  afterAll(() => running?.close());

  it('shows the link on the alert view', async () => {
    const res = await get(`/alerts/${id.a1}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ alertId: id.a1, closed: { outcome: 'attack-occurred' }, linkedIncident: { incidentId: id.i1, linkedAt: expect.any(String) } });
    expect((await get(`/alerts/${id.a2}`)).json()).not.toHaveProperty('linkedIncident');
  });

  it('answers a repeated link with the same version and records nothing; another incident is a 409', async () => {
    const again = await send(`/alerts/${id.a1}/link-incident`, { incidentId: id.i1 });
    expect(again.statusCode).toBe(200);
    // Received, closed, linked: the stream holds three events, a fourth was not added.
    expect(again.json()).toMatchObject({ streamId: `alert-${id.a1}`, version: 3 });
    const stream = await get(`/streams/alert-${id.a1}`);
    expect(stream.json<{ type: string }[]>().map((e) => e.type)).toEqual(['AlertReceived', 'AlertClosed', 'AlertLinkedToIncident']);
    expect((await send(`/alerts/${id.a1}/link-incident`, { incidentId: id.i2 })).statusCode).toBe(409);
  });

  it('refuses an unknown alert (404), a bad incident id (400 naming it), and an analyst (403)', async () => {
    expect((await send(`/alerts/${randomUUID()}/link-incident`, { incidentId: id.i1 })).statusCode).toBe(404);
    const bad = await send(`/alerts/${id.a2}/link-incident`, { incidentId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ detail: string }>().detail).toContain('incidentId');
    expect((await send(`/alerts/${id.a2}/link-incident`, { incidentId: id.i1 }, 'analyst')).statusCode).toBe(403);
  });

  it('counts what became of the alerts of March, from what was posted', async () => {
    const res = await get('/alerts/outcomes?from=2020-03-01&to=2020-03-31');
    expect(res.statusCode).toBe(200);
    const march = posted.filter((p) => p.receivedAt.startsWith('2020-03')).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
    const ids = (keep: (p: (typeof march)[number]) => boolean) => march.filter(keep).map((p) => p.alertId);
    const share = (list: string[]) => ({ alerts: list.length, share: list.length / march.length, alertIds: list });
    expect(res.json()).toEqual({
      from: '2020-03-01T00:00:00.000Z',
      to: '2020-03-31T23:59:59.999Z',
      received: march.length,
      linkedToIncident: { ...share(ids((p) => p.incident !== undefined)), incidentIds: [id.i1, id.i2].sort() },
      closedAs: ['attack-prevented', 'attack-occurred', 'unfounded', 'other'].map((outcome) => ({ outcome, ...share(ids((p) => p.outcome === outcome)) })),
      notClosed: share(ids((p) => p.outcome === undefined)),
      cameTrue: share(ids((p) => p.incident !== undefined || p.outcome === 'attack-occurred')),
    });
    // By hand: 5 received; linked a4, a1, a5 (0.6); came true the same three.
    expect(res.json()).toMatchObject({ received: 5, linkedToIncident: { alerts: 3, share: 0.6 }, cameTrue: { alertIds: [id.a1, id.a4, id.a5] } });
  });

  it('refuses a bad range with a 400 naming it', async () => {
    const res = await get('/alerts/outcomes?from=March');
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain('from');
  });
});
