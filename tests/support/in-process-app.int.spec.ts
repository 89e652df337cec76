import { bearer, startInProcessApp } from './in-process-app';

describe('in-process app harness', () => {
  it('answers a stored alert with 201 and refuses a missing key with 401', async () => {
    const running = await startInProcessApp();
    try {
      const ok = await running.app.inject({
        method: 'POST', url: '/alerts', headers: bearer('operator'),
        payload: { channel: 'hotline', receivedAt: '2020-03-01T08:00:00Z', location: { lat: 14.1, lon: -3.6, precision: 1 }, threat: { kind: 'other' } },
      });
      expect(ok.statusCode).toBe(201);
      const anon = await running.app.inject({ method: 'GET', url: '/alerts' });
      expect(anon.statusCode).toBe(401);
    } finally {
      await running.close();
    }
  });
});
