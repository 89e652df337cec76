import { bearer, startInProcessApp, type InProcessApp } from '../support/in-process-app';
import { loadConfig } from '@poc/platform/config';

const alert = { channel: 'hotline', receivedAt: '2020-03-01T08:00:00Z', location: { lat: 14.15, lon: -3.62, precision: 1 }, threat: { kind: 'other' } };
const incident = { occurredAt: '2020-03-01T08:00:00Z', location: { lat: 14.15, lon: -3.62, precision: 1 }, kind: 'clash' };

const post = (running: InProcessApp, url: string, headers: Record<string, string>, payload: object = alert) =>
  running.app.inject({ method: 'POST', url, headers, payload });

/** Posts `n` alerts one after another and returns their status codes. */
const postAlerts = async (running: InProcessApp, headers: Record<string, string>, n: number): Promise<number[]> => {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 1) statuses.push((await post(running, '/alerts', headers)).statusCode);
  return statuses;
};

describe('POST /alerts rate limit per API key (ALERTS_RATE_LIMIT=5/2s)', () => {
  let running: InProcessApp;
  beforeEach(async () => {
    running = await startInProcessApp(undefined, { ALERTS_RATE_LIMIT: '5/2s' });
  });
  afterEach(() => running.close());

  it('refuses the sixth alert in the window with 429 problem+json, Retry-After, and stores nothing', async () => {
    // Given an operator key that has posted its five alerts
    expect(await postAlerts(running, bearer('operator'), 5)).toEqual([201, 201, 201, 201, 201]);
    const before = await running.infra.eventStore.lastPosition();

    // When it posts a sixth
    const refused = await post(running, '/alerts', bearer('operator'));

    // Then it is refused, says when to retry, and nothing was stored
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    const body = refused.json();
    expect(body).toEqual({ status: 429, title: expect.any(String), detail: expect.stringContaining('at most 5 per 2 s') });
    expect(JSON.stringify(body)).not.toMatch(/Throttler|Exception/);
    expect(await running.infra.eventStore.lastPosition()).toBe(before);
  });

  it('tells a client its budget on accepted alerts', async () => {
    const first = await post(running, '/alerts', bearer('operator'));
    expect(first.statusCode).toBe(201);
    expect(first.headers['x-ratelimit-limit']).toBe('5');
    expect(first.headers['x-ratelimit-remaining']).toBe('4');
  });

  it('limits each key on its own: one console flooding does not block another', async () => {
    // Given the operator key at its limit
    await postAlerts(running, bearer('operator'), 6);
    // When the ops key and the admin key post
    // Then they are accepted
    expect(await postAlerts(running, bearer('ops'), 5)).toEqual([201, 201, 201, 201, 201]);
    expect((await post(running, '/alerts', bearer('admin'))).statusCode).toBe(201);
  });

  it('authenticates first: an unknown or missing key gets 401, never 429, and spends no budget', async () => {
    // Given unknown keys hammering the route well past the limit
    for (let i = 0; i < 8; i += 1) {
      expect((await post(running, '/alerts', { authorization: 'Bearer not-a-known-key-000' })).statusCode).toBe(401);
      expect((await post(running, '/alerts', {})).statusCode).toBe(401);
    }
    // When a real key posts
    // Then its whole budget is intact
    expect(await postAlerts(running, bearer('operator'), 5)).toEqual([201, 201, 201, 201, 201]);
    // And a role that may not post alerts gets 403, not 429
    expect((await post(running, '/alerts', bearer('analyst'))).statusCode).toBe(403);
  });

  it('limits only POST /alerts: other writes and reads are not counted', async () => {
    await postAlerts(running, bearer('ops'), 6);
    const incidents = await Promise.all(Array.from({ length: 8 }, () => post(running, '/incidents', bearer('ops'), incident)));
    expect(incidents.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(incidents[0]!.headers['x-ratelimit-limit']).toBeUndefined();
    const read = await running.app.inject({ method: 'GET', url: '/alerts', headers: bearer('ops') });
    expect(read.statusCode).toBe(200);
  });

  it('accepts the key again once the window has passed', async () => {
    await postAlerts(running, bearer('operator'), 6);
    const refused = await post(running, '/alerts', bearer('operator'));
    expect(refused.statusCode).toBe(429);
    await new Promise((done) => setTimeout(done, Number(refused.headers['retry-after']) * 1000 + 100));
    expect((await post(running, '/alerts', bearer('operator'))).statusCode).toBe(201);
  });
});

describe('ALERTS_RATE_LIMIT=off', () => {
  it('lets a load test post as fast as it can', async () => {
    const running = await startInProcessApp(undefined, { ALERTS_RATE_LIMIT: 'off' });
    try {
      const statuses = await Promise.all(Array.from({ length: 30 }, () => post(running, '/alerts', bearer('operator')).then((r) => r.statusCode)));
      expect(statuses).toEqual(Array(30).fill(201));
      expect((await post(running, '/alerts', bearer('operator'))).headers['x-ratelimit-limit']).toBeUndefined();
    } finally {
      await running.close();
    }
  });
});

describe('ALERTS_RATE_LIMIT configuration', () => {
  it('defaults to 120 alerts a minute per key', () => {
    expect(loadConfig({}).ALERTS_RATE_LIMIT).toEqual({ limit: 120, windowMs: 60_000 });
  });

  it.each([
    ['300/5m', { limit: 300, windowMs: 300_000 }],
    ['OFF', 'off'],
    ['2000/1s', { limit: 2000, windowMs: 1_000 }],
  ])('reads %s', (text, expected) => {
    expect(loadConfig({ ALERTS_RATE_LIMIT: text }).ALERTS_RATE_LIMIT).toEqual(expected);
  });

  it.each(['120', '120/60', 'lots', '0/60s', '-1/60s', '120/0s', '50000/1s', '10/2d', '10/500ms'])('stops the process on %s, naming the variable', (text) => {
    expect(() => loadConfig({ ALERTS_RATE_LIMIT: text })).toThrow(/ALERTS_RATE_LIMIT: must be <limit>\/<window>/);
  });
});
