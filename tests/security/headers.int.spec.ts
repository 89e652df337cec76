import type { Response as InjectResponse } from 'light-my-request';
import { CommandApiModule } from '../../apps/command-api/src/command-api.module';
import { QueryApiModule } from '../../apps/query-api/src/query-api.module';
import { bearer, startInProcessApp, type InProcessApp } from '../support/in-process-app';

type Request = { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: object };

const alert = { channel: 'hotline', receivedAt: '2020-03-01T08:00:00Z', location: { lat: 14.15, lon: -3.62, precision: 1 }, threat: { kind: 'other' } };

/** What every API response must carry, whatever its status. */
const expectApiHeaders = (res: InjectResponse): void => {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['x-powered-by']).toBeUndefined();
};

describe('security headers on the embedded app', () => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await startInProcessApp();
  });
  afterAll(() => running.close());

  it.each<[string, Request, number]>([
    ['a read', { method: 'GET', url: '/alerts', headers: bearer('ops') }, 200],
    ['a write', { method: 'POST', url: '/alerts', headers: bearer('operator'), payload: alert }, 201],
    ['bad input', { method: 'POST', url: '/alerts', headers: bearer('operator'), payload: { channel: 'fax' } }, 400],
    ['no key', { method: 'GET', url: '/alerts' }, 401],
    ['a forbidden role', { method: 'GET', url: '/alerts', headers: bearer('operator') }, 403],
    ['an unknown route', { method: 'GET', url: '/no-such-route' }, 404],
    ['a URL the router refuses', { method: 'GET', url: '/alerts/%ZZ', headers: bearer('ops') }, 400],
    ['health', { method: 'GET', url: '/health' }, 200],
    ['the OpenAPI document', { method: 'GET', url: '/docs-json' }, 200],
  ])('are on %s', async (_name, request, status) => {
    // When the app answers
    const res = await running.app.inject(request);
    // Then the answer carries the strict API headers
    expect(res.statusCode).toBe(status);
    expectApiHeaders(res);
  });

  it('keep Swagger UI working: /docs may load its own scripts and styles, nothing else, and is never framed', async () => {
    // Given the docs page
    const page = await running.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');

    // Then it has no inline script the policy would block
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((attrs) => /\bsrc="/.test(attrs))).toBe(true);

    // And every asset it references is served from this origin with a type nosniff accepts
    const refs = [...page.body.matchAll(/<(script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => ({ tag: m[1]!, url: new URL(m[2]!, 'http://x/docs').pathname }));
    expect(refs.length).toBeGreaterThanOrEqual(4);
    for (const ref of refs) {
      const asset = await running.app.inject({ method: 'GET', url: ref.url });
      expect({ url: ref.url, status: asset.statusCode }).toEqual({ url: ref.url, status: 200 });
      const type = String(asset.headers['content-type']);
      if (ref.tag === 'script') expect(type).toMatch(/javascript/);
      else expect(type).toMatch(/^(text\/css|image\/)/);
    }
  });

  it('let the deterrence chart still be used as an <img>', async () => {
    // When an analyst asks for the chart
    const res = await running.app.inject({ method: 'GET', url: '/deterrence/chart.svg', headers: bearer('analyst') });
    // Then it is an image of the declared type (nosniff only refuses a wrong type)
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expectApiHeaders(res);
    // And a page of this origin (Swagger UI, a console behind the same host) may embed it
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    // An <img> ignores the response's CSP; opened on its own, the strict CSP must find nothing
    // to block: no script, no stylesheet, no style attribute, nothing fetched from elsewhere.
    expect(res.body.startsWith('<svg')).toBe(true);
    expect(res.body).not.toMatch(/<script|<style|\sstyle=|<image|<foreignObject|href="(?!#)/i);
  });
});

describe('security headers on every app', () => {
  it.each([
    ['command-api', () => [CommandApiModule], '/alerts'],
    ['query-api', () => [QueryApiModule], '/alerts'],
    ['relay / projector (health only)', () => [], '/health'],
  ])('are on %s', async (_name, modules, url) => {
    const running = await startInProcessApp(modules);
    try {
      const res = await running.app.inject({ method: 'GET', url });
      expectApiHeaders(res);
    } finally {
      await running.close();
    }
  });
});
