import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Feature = { type: string; id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> };
type Collection = { type: string; features: Feature[]; total: number; nextCursor: string | null };

const BANKASS = { lat: 14.0775, lon: -3.5159, precision: 1, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' };
const OGOSSAGOU = { lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' };
const KORO = { lat: 14.0667, lon: -3.0833, precision: 1, place: 'Koro', cercle: 'Koro', region: 'Mopti' };
const SEGOU = { lat: 13.4317, lon: -6.2157, precision: 1, place: 'Ségou', cercle: 'Ségou', region: 'Ségou' };

/** 12 incidents over March 2020 in four places; the 13th is retracted. */
const SEEDED = [
  ...Array.from({ length: 6 }, (_, i) => ({ occurredAt: `2020-03-${String(i + 1).padStart(2, '0')}T03:00:00Z`, location: BANKASS, kind: 'attack-on-civilians', fatalities: i, targetsCivilians: true, source: 'civilian' })),
  ...Array.from({ length: 3 }, (_, i) => ({ occurredAt: `2020-03-1${i}T12:00:00Z`, location: OGOSSAGOU, kind: 'clash', targetsCivilians: false, reportingUnit: 'BANBAT-1' })),
  ...Array.from({ length: 2 }, (_, i) => ({ occurredAt: `2020-03-2${i}T12:00:00Z`, location: KORO, kind: 'looting' })),
  { occurredAt: '2020-03-25T08:00:00Z', location: SEGOU, kind: 'abduction', fatalities: 2, targetsCivilians: true },
];

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /incidents.geojson (%s)', (_store, start) => {
  let running: InProcessApp;
  let ids: string[];
  let retractedId: string;
  let last = 0;

  const post = async (url: string, payload: object) => {
    const res = await running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
    expect(res.statusCode).toBeLessThan(300);
    const body = res.json<{ id: string; position: number }>();
    last = Math.max(last, body.position);
    return body;
  };
  const get = (url: string, role: 'ops' | 'analyst' | 'admin' = 'analyst') => running.app.inject({ method: 'GET', url, headers: bearer(role) });
  const layer = async (query = '') => {
    const res = await get(`/incidents.geojson?minPosition=${last}${query}`);
    expect(res.statusCode).toBe(200);
    return res.json<Collection>();
  };
  const idsOf = (c: Collection) => c.features.map((f) => f.id).sort();

  beforeAll(async () => {
    running = await start();
    ids = [];
    for (const body of SEEDED) ids.push((await post('/incidents', body)).id);
    retractedId = (await post('/incidents', { occurredAt: '2020-03-05T05:00:00Z', location: BANKASS, kind: 'attack-on-civilians' })).id;
    await post(`/incidents/${retractedId}/retract`, { reason: 'duplicate of a radio report' });
  });
  afterAll(() => running?.close());

  it('answers a FeatureCollection of Points at [lon, lat], retracted incidents left out, as application/geo+json', async () => {
    const res = await get(`/incidents.geojson?minPosition=${last}`, 'ops');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(Number(res.headers['x-read-model-position'])).toBeGreaterThanOrEqual(last);
    const body = res.json<Collection>();
    expect(body).toMatchObject({ type: 'FeatureCollection', total: 12, nextCursor: null });
    expect(idsOf(body)).toEqual([...ids].sort());
    const first = body.features[0]!;
    expect(first).toEqual({
      type: 'Feature',
      id: ids[0],
      geometry: { type: 'Point', coordinates: [BANKASS.lon, BANKASS.lat] },
      properties: expect.objectContaining({
        id: ids[0], kind: 'attack-on-civilians', occurredAt: '2020-03-01T03:00:00.000Z', civilianTargeting: true, fatalities: 0,
        cercle: 'Bankass', region: 'Mopti', precision: 1, source: 'civilian',
      }),
    });
    expect(body.features.find((f) => f.properties.reportingUnit === 'BANBAT-1')?.geometry.coordinates).toEqual([OGOSSAGOU.lon, OGOSSAGOU.lat]);
    // In order of occurredAt.
    const times = body.features.map((f) => String(f.properties.occurredAt));
    expect(times).toEqual([...times].sort());
  });

  it('filters by kind, civilianTargeting, cercle, region and time', async () => {
    expect((await layer('&kind=clash')).total).toBe(3);
    expect((await layer('&civilianTargeting=true')).total).toBe(7);
    expect((await layer('&civilianTargeting=false')).total).toBe(5);
    expect((await layer('&cercle=Koro')).features.map((f) => f.properties.kind)).toEqual(['looting', 'looting']);
    expect((await layer('&region=Mopti')).total).toBe(11);
    expect((await layer('&from=2020-03-06&to=2020-03-10')).total).toBe(2);
    expect((await layer('&to=2020-03-20T11:59:59Z')).total).toBe(9);
    expect((await layer('&kind=clash&civilianTargeting=true')).total).toBe(0);
  });

  it('filters by bbox and by near/radiusKm', async () => {
    // Bankass and Ogossagou, not Koro (further east) nor Ségou.
    expect((await layer('&bbox=-3.7,14,-3.5,14.2')).total).toBe(9);
    // A box on Bankass's very point: edges count.
    expect((await layer(`&bbox=${BANKASS.lon},${BANKASS.lat},${BANKASS.lon},${BANKASS.lat}`)).total).toBe(6);
    // Ogossagou is ~13 km from Bankass, Koro ~47 km, Ségou ~300 km.
    expect((await layer('&near=14.0775,-3.5159&radiusKm=5')).total).toBe(6);
    expect((await layer('&near=14.0775,-3.5159&radiusKm=20')).total).toBe(9);
    expect((await layer('&near=14.0775,-3.5159&radiusKm=60')).total).toBe(11);
    expect((await layer('&near=14.0775,-3.5159&radiusKm=500')).total).toBe(12);
    expect((await layer('&near=14.0775,-3.5159&radiusKm=60&bbox=-3.3,13,0,15')).features.map((f) => f.properties.cercle)).toEqual(['Koro', 'Koro']);
  });

  it('pages with cursor: all pages together are every feature, none twice; total stays the whole count', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Collection = await layer(`&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(12);
      expect(page.features.length).toBeLessThanOrEqual(5);
      seen.push(...page.features.map((f) => f.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.length).toBe(12);
    expect([...seen].sort()).toEqual([...ids].sort());
    // Filters and paging together.
    const page = await layer('&kind=attack-on-civilians&limit=4');
    expect(page).toMatchObject({ total: 6, nextCursor: expect.any(String) });
    expect((await layer(`&kind=attack-on-civilians&limit=4&cursor=${page.nextCursor}`)).features).toHaveLength(2);
  });

  it('shows a new incident at once with ?minPosition', async () => {
    const created = await post('/incidents', { occurredAt: '2020-04-01T00:00:00Z', location: KORO, kind: 'other' });
    const res = await get(`/incidents.geojson?minPosition=${created.position}&from=2020-04-01`);
    expect(res.json<Collection>().features.map((f) => f.id)).toEqual([created.id]);
  });

  it.each([
    ['bbox=1,2,3', 'bbox'],
    ['bbox=a,b,c,d', 'bbox'],
    ['bbox=-181,0,0,1', 'bbox'],
    ['bbox=0,-91,1,0', 'bbox'],
    ['bbox=2,0,1,1', 'bbox'],
    ['bbox=0,2,1,1', 'bbox'],
    ['bbox=1,2,3,4&bbox=1,2,3,4', 'bbox'],
    ['near=14,-3', 'radiusKm'],
    ['radiusKm=10', 'near'],
    ['near=14&radiusKm=10', 'near'],
    ['near=91,0&radiusKm=10', 'near'],
    ['near=14,-3&radiusKm=0', 'radiusKm'],
    ['near=14,-3&radiusKm=501', 'radiusKm'],
    ['near=14,-3&radiusKm=ten', 'radiusKm'],
    ['cursor=not-a-cursor', 'cursor'],
    ['cursor=e30', 'cursor'],
    ['cursor=%2B%2F%3D', 'cursor'],
    ['limit=0', 'limit'],
    ['limit=10001', 'limit'],
    ['kind=riot', 'kind'],
    ['civilianTargeting=yes', 'civilianTargeting'],
    ['from=2020-13-01', 'from'],
    ['offset=10', 'offset'],
  ])('refuses ?%s with a 400 naming %s', async (query, field) => {
    const res = await get(`/incidents.geojson?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toContain(field);
  });

  it('leaves /incidents/{id} alone: an id is still read, a dotted one is refused, the layer is not an id', async () => {
    expect((await get(`/incidents/${ids[0]}`)).json()).toMatchObject({ incidentId: ids[0] });
    expect((await get('/incidents/x.geojson')).statusCode).toBe(400);
    expect((await get('/incidents/daily.geojson')).statusCode).toBe(400);
    expect((await get('/incidents.geojson/x')).statusCode).toBe(404);
    expect((await get('/incidents.json')).statusCode).toBe(404);
  });
});
