import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, ROLE_API_KEYS, ROLE_KEYS, type InProcessApp } from '../../../../tests/support/in-process-app';
import { ApiKeyRegistry } from '@poc/platform/auth';

const registry = ApiKeyRegistry.parse(ROLE_API_KEYS);

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /me (%s)', (_store, start) => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running?.close());

  it.each(['operator', 'ops', 'analyst', 'admin'] as const)('tells %s its role and the actor its events record', async (role) => {
    const res = await running.app.inject({ method: 'GET', url: '/me', headers: bearer(role) });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ role, actor: registry.identify(ROLE_KEYS[role])!.actor });
    // The key itself never comes back.
    expect(res.body).not.toContain(ROLE_KEYS[role]);
  });

  it('matches the actor a write records', async () => {
    const posted = await running.app.inject({
      method: 'POST', url: '/alerts', headers: bearer('operator'),
      payload: { channel: 'hotline', receivedAt: '2020-03-01T08:00:00Z', location: { lat: 14.1, lon: -3.6, precision: 1 }, threat: { kind: 'other' } },
    });
    expect(posted.statusCode).toBe(201);
    const [event] = await running.infra.eventStore.readAll({ fromPosition: posted.json<{ position: number }>().position - 1, limit: 1 });
    const me = await running.app.inject({ method: 'GET', url: '/me', headers: bearer('operator') });
    expect(me.json()).toEqual({ role: 'operator', actor: event!.metadata.actor });
  });

  it('refuses a missing key (401)', async () => {
    expect((await running.app.inject({ method: 'GET', url: '/me' })).statusCode).toBe(401);
  });
});
