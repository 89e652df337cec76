import { GAZETTEER } from '@poc/domain';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Place = { name: string; kind: string; lat: number; lon: number; precision: number; cercle?: string; region: string };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /places (%s)', (_store, start) => {
  let running: InProcessApp;
  beforeAll(async () => {
    running = await start();
  });
  afterAll(() => running?.close());

  const get = (url: string, role: 'operator' | 'ops' | 'analyst' | 'admin' = 'operator') => running.app.inject({ method: 'GET', url, headers: bearer(role) });

  it('finds "Ségou" from "Segou": the town, then the region, at the seat', async () => {
    const res = await get('/places?q=Segou');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      { name: 'Ségou', kind: 'place', lat: 13.4317, lon: -6.2157, precision: 1, cercle: 'Ségou', region: 'Ségou' },
      { name: 'Ségou', kind: 'region', lat: 13.4317, lon: -6.2157, precision: 3, region: 'Ségou' },
    ]);
  });

  it('finds "Ménaka" from "menaka" and Koro cercle\'s villages after Koro', async () => {
    await expect(get('/places?q=menaka').then((r) => r.json<Place[]>().map((p) => p.kind))).resolves.toEqual(['place', 'cercle', 'region']);
    const koro = (await get('/places?q=KORO&limit=50')).json<Place[]>();
    expect(koro.slice(0, 2).map((p) => `${p.kind}:${p.name}`)).toEqual(['place:Koro', 'cercle:Koro']);
    expect(koro.map((p) => p.name)).toEqual(expect.arrayContaining(['Dioungani', 'Douna Pen', 'Gourty']));
  });

  it('answers at most limit (10 by default), every one a gazetteer entry', async () => {
    const all = (await get('/places?q=a&limit=50', 'analyst')).json<Place[]>();
    expect(all.length).toBeGreaterThan(10);
    expect(all.length).toBeLessThanOrEqual(50);
    for (const place of all) expect(GAZETTEER).toContainEqual(place);
    expect((await get('/places?q=a', 'ops')).json()).toEqual(all.slice(0, 10));
    expect((await get('/places?q=a&limit=3', 'admin')).json()).toEqual(all.slice(0, 3));
  });

  it('answers an empty list for an unknown name', async () => {
    const res = await get('/places?q=Paris');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it.each([
    ['/places', 'q'],
    ['/places?q=', 'q'],
    [`/places?q=${'x'.repeat(101)}`, 'q'],
    ['/places?q=a&q=b', 'q'],
    ['/places?q=a&limit=0', 'limit'],
    ['/places?q=a&limit=51', 'limit'],
    ['/places?q=a&limit=ten', 'limit'],
    ['/places?q=a&near=x', 'near'],
  ])('refuses %s with a 400 naming %s', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toContain(field);
  });
});
