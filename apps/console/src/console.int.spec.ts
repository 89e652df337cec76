import { gunzipSync } from 'node:zlib';
import { startOnSqlite } from '../../../tests/security/fuzz-stores';
import type { InProcessApp } from '../../../tests/support/in-process-app';

describe('the console as served (embedded app)', () => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await startOnSqlite();
  });
  afterAll(() => running?.close());

  const get = (url: string, headers: Record<string, string> = {}) => running.app.inject({ method: 'GET', url, headers });

  it('serves the page at / with a policy that allows its own bundle and nothing from elsewhere', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    // No key, no CDN: the page names only bundle files of this origin.
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources).toHaveLength(2);
    for (const source of sources) expect(source).toMatch(/^\/console\/main\.[A-Z0-9]+\.(js|css)$/);
  });

  it('serves the bundle gzipped to clients that take it, cacheable for good (its name carries its hash)', async () => {
    const page = await get('/');
    const script = /src="([^"]+\.js)"/.exec(page.body)![1]!;
    const plain = await get(script);
    const zipped = await get(script, { 'accept-encoding': 'gzip, deflate' });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    // Nothing in the bundle reaches out for tiles, fonts or scripts at run time.
    expect(plain.body).not.toMatch(/tile\.openstreetmap|fonts\.googleapis|unpkg\.com|cdn\.jsdelivr/);
  });

  it('ships the region outlines’ licence with the bundle', async () => {
    const licence = await get('/console/mali-regions.LICENSE.txt');
    expect(licence.statusCode).toBe(200);
    expect(licence.body).toContain('amCharts');
  });

  it('answers 404 problem+json for a file it does not have', async () => {
    const missing = await get('/console/nothing.js');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
