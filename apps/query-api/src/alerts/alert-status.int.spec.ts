import { randomUUID } from 'node:crypto';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bodies } from '../../../../tests/security/route-table.requests';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Created = { id: string; position: number };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /alerts/{id}/status (%s)', (_store, start) => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running?.close());

  const post = async (url: string, payload: object, role: 'operator' | 'ops' = 'ops'): Promise<Created> => {
    const res = await running.app.inject({ method: 'POST', url, headers: bearer(role), payload });
    expect([200, 201]).toContain(res.statusCode);
    return res.json<Created>();
  };
  const status = (id: string, position: number, role: 'operator' | 'ops' | 'analyst' | 'admin' = 'operator') =>
    running.app.inject({ method: 'GET', url: `/alerts/${id}/status?minPosition=${position}`, headers: bearer(role) });

  it('follows an alert an operator typed, from open to closed, and shows nothing else of it', async () => {
    // Given an alert with a caller and a description, received by an operator
    const alert = await post('/alerts', { ...bodies.alertWithCaller(), description: 'men seen near the well' }, 'operator');

    // Then it is open, nothing sent yet
    const open = await status(alert.id, alert.position);
    expect(open.statusCode).toBe(200);
    expect(open.headers['x-read-model-stale']).toBeUndefined();
    expect(Number(open.headers['x-read-model-position'])).toBeGreaterThanOrEqual(alert.position);
    expect(open.json()).toEqual({ alertId: alert.id, status: 'open', flightSent: false, patrolSent: false });

    // When ops triage it and send a flight
    await post(`/alerts/${alert.id}/triage`, { priority: 'flash', reliability: 'B', credibility: 2 });
    const flight = await post('/flights', { ...bodies.flight, alertIds: [alert.id] });
    expect((await status(alert.id, flight.position)).json()).toEqual({ alertId: alert.id, status: 'triaged', priority: 'flash', flightSent: true, patrolSent: false });

    // And a patrol, then close it
    await post('/patrols', { ...bodies.patrol, alertIds: [alert.id] });
    const closed = await post(`/alerts/${alert.id}/close`, { outcome: 'attack-prevented', closedAt: '2020-03-02T12:00:00Z' });
    const res = await status(alert.id, closed.position, 'analyst');
    expect(res.json()).toEqual({
      alertId: alert.id, status: 'closed', priority: 'flash', flightSent: true, patrolSent: true, closedAt: '2020-03-02T12:00:00.000Z',
    });
    // Nothing personal, no place, no description
    expect(res.body).not.toMatch(/caller|well|Bankass|lat|description/i);
  });

  it('answers 404 for an unknown alert, and for one only a response has named so far', async () => {
    expect((await status('no-such-alert', 0)).statusCode).toBe(404);
    const notYet = randomUUID();
    const flight = await post('/flights', { ...bodies.flight, alertIds: [notYet] });
    const res = await status(notYet, flight.position, 'ops');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a bad id or minPosition with a 400 naming it', async () => {
    const badId = await running.app.inject({ method: 'GET', url: '/alerts/bad%20id/status', headers: bearer('operator') });
    expect(badId.statusCode).toBe(400);
    expect(badId.json<{ detail: string }>().detail).toContain('id');
    const badPosition = await running.app.inject({ method: 'GET', url: '/alerts/a1/status?minPosition=-1', headers: bearer('operator') });
    expect(badPosition.statusCode).toBe(400);
    expect(badPosition.json<{ detail: string }>().detail).toContain('minPosition');
  });

  it('leaves the full alert to ops and analysts', async () => {
    const alert = await post('/alerts', bodies.alert, 'operator');
    expect((await running.app.inject({ method: 'GET', url: `/alerts/${alert.id}`, headers: bearer('operator') })).statusCode).toBe(403);
    expect((await status(alert.id, alert.position)).statusCode).toBe(200);
  });
});
