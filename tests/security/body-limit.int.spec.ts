import { Readable } from 'node:stream';
import { bearer, startInProcessApp, type InProcessApp } from '../support/in-process-app';
import { BODY_LIMIT_BYTES } from '@poc/platform/http';

const alertOfSize = (bytes: number): string => {
  const base = { channel: 'hotline', receivedAt: '2020-03-01T08:00:00Z', location: { lat: 14.15, lon: -3.62, precision: 1 }, threat: { kind: 'other' } };
  const empty = JSON.stringify({ ...base, description: '' });
  return JSON.stringify({ ...base, description: 'x'.repeat(bytes - empty.length) });
};

describe(`body size limit (${BODY_LIMIT_BYTES} bytes)`, () => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await startInProcessApp();
  });
  afterAll(() => running.close());

  const post = (url: string, payload: string | Readable) =>
    running.app.inject({ method: 'POST', url, headers: { ...bearer('ops'), 'content-type': 'application/json' }, payload });

  it('refuses a bigger body with 413 problem+json and stores nothing', async () => {
    // Given a store at some position
    const before = await running.infra.eventStore.lastPosition();
    const body = alertOfSize(BODY_LIMIT_BYTES + 1);
    expect(Buffer.byteLength(body)).toBe(BODY_LIMIT_BYTES + 1);

    // When an alert one byte over the limit is posted
    const res = await post('/alerts', body);

    // Then it is refused as too large, in the usual error shape, and nothing is stored
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toEqual({ status: 413, title: expect.any(String), detail: expect.any(String) });
    expect(await running.infra.eventStore.lastPosition()).toBe(before);
  });

  it('refuses a body sent without Content-Length once it passes the limit', async () => {
    // Given a client streaming a body chunk by chunk, so the size is not known up front
    const before = await running.infra.eventStore.lastPosition();
    const body = alertOfSize(2 * BODY_LIMIT_BYTES);
    const chunks = Array.from({ length: 32 }, (_, i) => body.slice((i * body.length) / 32, ((i + 1) * body.length) / 32));

    // When it is posted to any write route
    const res = await post('/incidents', Readable.from(chunks));

    // Then the server stops reading at the limit and refuses it
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await running.infra.eventStore.lastPosition()).toBe(before);
  });

  it('reads a body just under the limit (it may still be bad input, but not too large)', async () => {
    const res = await post('/alerts', alertOfSize(BODY_LIMIT_BYTES - 1024));
    expect(res.statusCode).not.toBe(413);
    expect(res.statusCode).toBeLessThan(500);
  });
});
