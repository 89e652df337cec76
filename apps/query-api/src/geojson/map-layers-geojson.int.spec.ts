import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Feature = { type: string; id: string; geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> };
type Collection = { type: string; features: Feature[]; total: number; nextCursor: string | null };

const BANKASS = { lat: 14.0775, lon: -3.5159, precision: 1, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' };
const KORO = { lat: 14.0667, lon: -3.0833, precision: 1, place: 'Koro', cercle: 'Koro', region: 'Mopti' };
const SEGOU = { lat: 13.4317, lon: -6.2157, precision: 1, place: 'Ségou', cercle: 'Ségou', region: 'Ségou' };
const OGOSSAGOU = { lat: 14.15, lon: -3.62 };
const CALLER = { name: 'Aminata Traoré', phone: '+223 70 99 88 77' };
const at = (p: { lat: number; lon: number }): [number, number] => [p.lon, p.lat];

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('the other map layers (%s)', (_store, start) => {
  let running: InProcessApp;
  let last = 0;
  const id: Record<string, string> = {};

  const post = async (url: string, payload: object) => {
    const res = await running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
    expect(res.statusCode).toBeLessThan(300);
    const body = res.json<{ id: string; position: number }>();
    last = Math.max(last, body.position);
    return body;
  };
  const get = async (url: string, role: 'ops' | 'analyst' | 'admin' = 'ops') => {
    const res = await running.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, headers: bearer(role) });
    return res;
  };
  const layer = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    const body = res.json<Collection>();
    expect(body.type).toBe('FeatureCollection');
    return body;
  };
  const ids = (c: Collection) => c.features.map((f) => f.id);

  beforeAll(async () => {
    running = await start();
    const alert = (location: object, channel: string, kind: string, receivedAt: string, caller?: object) =>
      post('/alerts', { channel, receivedAt, location, threat: { kind }, ...(caller && { caller }) });
    id.a1 = (await alert(BANKASS, 'hotline', 'attack-on-civilians', '2020-03-01T08:00:00Z', CALLER)).id;
    id.a2 = (await alert(KORO, 'radio', 'armed-group-movement', '2020-03-02T08:00:00Z')).id;
    id.a3 = (await alert(SEGOU, 'community-network', 'other', '2020-03-03T08:00:00Z')).id;
    await post(`/alerts/${id.a1}/triage`, { priority: 'flash', reliability: 'B', credibility: 2 });
    await post(`/alerts/${id.a3}/close`, { outcome: 'unfounded', closedAt: '2020-03-03T12:00:00Z' });

    id.f1 = (await post('/flights', { dispatchedAt: '2020-03-01T09:00:00Z', target: { ...OGOSSAGOU, radiusKm: 15 }, alertIds: [id.a1], aircraft: 'Mi-35' })).id;
    id.f2 = (await post('/flights', { dispatchedAt: '2020-03-05T09:00:00Z', target: { lat: SEGOU.lat, lon: SEGOU.lon, radiusKm: 8 } })).id;

    const area = { lat: BANKASS.lat, lon: BANKASS.lon, radiusKm: 15 };
    id.p1 = (await post('/patrols', { operation: 'Buffalo', unit: 'LRMP-1', kind: 'long-range', startedAt: '2020-03-01T06:00:00Z', area, alertIds: [id.a1] })).id;
    await post(`/patrols/${id.p1}/complete`, {
      endedAt: '2020-03-04T15:00:00Z',
      // Given out of order: the track follows arrival.
      stops: [
        { ...OGOSSAGOU, arrivedAt: '2020-03-02T16:00:00Z', departedAt: '2020-03-03T07:00:00Z', overnight: true },
        { lat: BANKASS.lat, lon: BANKASS.lon, arrivedAt: '2020-03-01T12:00:00Z', departedAt: '2020-03-01T13:00:00Z', overnight: false },
      ],
    });
    id.p2 = (await post('/patrols', {
      operation: 'Buffalo', unit: 'LRMP-2', startedAt: '2020-03-02T06:00:00Z', area: { lat: KORO.lat, lon: KORO.lon, radiusKm: 10 },
      stops: [{ lat: KORO.lat, lon: KORO.lon, cercle: 'Koro', region: 'Mopti', arrivedAt: '2020-03-02T18:00:00Z', departedAt: '2020-03-03T06:00:00Z', overnight: true }],
    })).id;
    id.p3 = (await post('/patrols', { operation: 'Sika', unit: 'FPU-3', startedAt: '2020-03-03T06:00:00Z', area: { lat: SEGOU.lat, lon: SEGOU.lon, radiusKm: 20 } })).id;

    id.b1 = (await post('/bases', { establishedAt: '2020-03-01T10:00:00Z', location: BANKASS, name: 'TOB Bankass' })).id;
    id.b2 = (await post('/bases', { establishedAt: '2020-03-02T10:00:00Z', location: KORO })).id;
    await post(`/bases/${id.b2}/close`, { closedAt: '2020-03-20T08:00:00Z' });

    id.i1 = (await post('/ieds', { detectedAt: '2020-03-01T07:40:00Z', location: BANKASS, status: 'detected', unit: 'Convoy escort 2' })).id;
    id.i2 = (await post('/ieds', { detectedAt: '2020-03-02T07:40:00Z', location: KORO, status: 'detected' })).id;
    await post(`/ieds/${id.i2}/neutralize`, { at: '2020-03-02T09:15:00Z' });
  });
  afterAll(() => running?.close());

  it('alerts: a Point each with status, priority, channel, threat and response, and no caller data', async () => {
    const res = await get('/alerts.geojson', 'analyst');
    const all = res.json<Collection>();
    expect(all).toMatchObject({ total: 3, nextCursor: null });
    expect(ids(all)).toEqual([id.a1, id.a2, id.a3]);
    expect(all.features[0]).toEqual({
      type: 'Feature', id: id.a1, geometry: { type: 'Point', coordinates: at(BANKASS) },
      properties: { id: id.a1, status: 'triaged', priority: 'flash', receivedAt: '2020-03-01T08:00:00.000Z', channel: 'hotline', threatKind: 'attack-on-civilians', responded: true, cercle: 'Bankass', region: 'Mopti', precision: 1 },
    });
    expect(all.features[1]!.properties).toMatchObject({ status: 'open', priority: null, responded: false });
    expect(res.body).not.toMatch(/Aminata|Traor|99 88 77|caller/i);

    expect(ids(await layer('/alerts.geojson?status=open'))).toEqual([id.a2]);
    expect(ids(await layer('/alerts.geojson?priority=flash'))).toEqual([id.a1]);
    expect(ids(await layer('/alerts.geojson?cercle=Bankass'))).toEqual([id.a1]);
    expect(ids(await layer('/alerts.geojson?region=S%C3%A9gou'))).toEqual([id.a3]);
    expect(ids(await layer('/alerts.geojson?bbox=-3.2,14,-3,14.2'))).toEqual([id.a2]);
    expect(ids(await layer('/alerts.geojson?near=14.0775,-3.5159&radiusKm=100'))).toEqual([id.a1, id.a2]);
    expect(ids(await layer('/alerts.geojson?from=2020-03-02&to=2020-03-02'))).toEqual([id.a2]);
    expect((await get('/alerts.geojson?priority=urgent')).statusCode).toBe(400);
  });

  it('patrols: a track through the stops in arrival order, a Point per overnight stop, a Point for a single point', async () => {
    const all = await layer('/patrols.geojson');
    expect(all.total).toBe(5);
    expect(all.features.map((f) => [f.id, f.properties.kind, f.geometry.type])).toEqual([
      [id.p1, 'track', 'LineString'],
      [`${id.p1}/stop-2`, 'overnight-stop', 'Point'],
      [id.p2, 'track', 'Point'],
      [`${id.p2}/stop-1`, 'overnight-stop', 'Point'],
      [id.p3, 'track', 'Point'],
    ]);
    const [track, stop] = all.features;
    expect(track!.geometry.coordinates).toEqual([at(BANKASS), at(OGOSSAGOU)]);
    expect(track!.properties).toMatchObject({ id: id.p1, unit: 'LRMP-1', operation: 'Buffalo', patrolKind: 'long-range', status: 'completed', startedAt: '2020-03-01T06:00:00.000Z', endedAt: '2020-03-04T15:00:00.000Z', alertIds: [id.a1] });
    expect(stop).toMatchObject({ geometry: { coordinates: at(OGOSSAGOU) }, properties: { kind: 'overnight-stop', patrolId: id.p1, at: '2020-03-02T16:00:00.000Z' } });
    // No stops yet: the area's centre.
    expect(all.features[4]).toMatchObject({ geometry: { coordinates: at(SEGOU) }, properties: { status: 'deployed', endedAt: null } });

    // In a cercle by a stop that names it, or by an alert it answers.
    expect(ids(await layer('/patrols.geojson?cercle=Koro'))).toEqual([id.p2, `${id.p2}/stop-1`]);
    expect(ids(await layer('/patrols.geojson?cercle=Bankass'))).toEqual([id.p1, `${id.p1}/stop-2`]);
    expect(ids(await layer('/patrols.geojson?operation=Sika'))).toEqual([id.p3]);
    // The track passes Bankass; its overnight stop at Ogossagou (~14 km) does not.
    expect(ids(await layer('/patrols.geojson?near=14.0775,-3.5159&radiusKm=5'))).toEqual([id.p1]);
    expect(ids(await layer('/patrols.geojson?from=2020-03-02&to=2020-03-02T23:00:00Z'))).toEqual([id.p2, `${id.p2}/stop-1`]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Collection = await layer(`/patrols.geojson?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(5);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids(all));
  });

  it('bases: a Point per TOB with name, status and dates', async () => {
    const all = await layer('/bases.geojson');
    expect(all.total).toBe(2);
    expect(all.features[0]).toEqual({
      type: 'Feature', id: id.b1, geometry: { type: 'Point', coordinates: at(BANKASS) },
      properties: { id: id.b1, name: 'TOB Bankass', status: 'open', establishedAt: '2020-03-01T10:00:00.000Z', closedAt: null, triggerIncidentId: null, cercle: 'Bankass', region: 'Mopti' },
    });
    expect((await layer('/bases.geojson?cercle=Koro')).features.map((f) => f.properties)).toEqual([expect.objectContaining({ id: id.b2, name: null, status: 'closed', closedAt: '2020-03-20T08:00:00.000Z' })]);
    expect(ids(await layer('/bases.geojson?from=2020-03-02'))).toEqual([id.b2]);
  });

  it('IEDs: a Point each with the status the view has; status filter', async () => {
    const all = await layer('/ieds.geojson');
    expect(all.features.map((f) => [f.id, f.properties.status, f.properties.detectedAt])).toEqual([
      [id.i1, 'detected', '2020-03-01T07:40:00.000Z'],
      [id.i2, 'neutralized', '2020-03-02T07:40:00.000Z'],
    ]);
    expect(all.features[0]!.geometry.coordinates).toEqual(at(BANKASS));
    expect(ids(await layer('/ieds.geojson?status=neutralized'))).toEqual([id.i2]);
    expect(ids(await layer('/ieds.geojson?region=Mopti&bbox=-3.6,14,-3.4,14.2'))).toEqual([id.i1]);
    expect((await get('/ieds.geojson?status=neutralised')).statusCode).toBe(400);
  });

  it("flights: a Point at the target with its radius and alerts; in a cercle when an alert it answers is", async () => {
    const all = await layer('/flights.geojson');
    expect(all.features[0]).toEqual({
      type: 'Feature', id: id.f1, geometry: { type: 'Point', coordinates: at(OGOSSAGOU) },
      properties: { id: id.f1, status: 'dispatched', dispatchedAt: '2020-03-01T09:00:00.000Z', completedAt: null, radiusKm: 15, alertIds: [id.a1], aircraft: 'Mi-35', unit: null, outcome: null },
    });
    expect(all.features[1]).toMatchObject({ id: id.f2, properties: { radiusKm: 8, alertIds: [] } });
    expect(ids(await layer('/flights.geojson?cercle=Bankass'))).toEqual([id.f1]);
    expect(ids(await layer('/flights.geojson?region=S%C3%A9gou'))).toEqual([]);
    expect(ids(await layer('/flights.geojson?near=13.4317,-6.2157&radiusKm=1'))).toEqual([id.f2]);
    expect(ids(await layer('/flights.geojson?to=2020-03-04'))).toEqual([id.f1]);
  });

  it.each(['alerts', 'patrols', 'bases', 'ieds', 'flights'])('/%s.geojson refuses bad bbox, near and cursor, naming them', async (name) => {
    for (const [query, field] of [['bbox=0,0,1', 'bbox'], ['near=14,-3', 'radiusKm'], ['near=x,y&radiusKm=3', 'near'], ['cursor=%5B%5D', 'cursor'], ['limit=20000', 'limit']] as const) {
      const res = await get(`/${name}.geojson?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json<{ detail: string }>().detail).toContain(field);
    }
    expect((await get(`/${name}/x.geojson`)).statusCode).toBe(400);
  });
});
