import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Row = { region: string; cercle: string; commune: string; people: number; returns: number };
type Returns = { from: string | null; to: string | null; people: number; returns: number; communes: Row[] };
type Supplied = { institutions: number; deliveries: number };
type Supplies = { courts: Supplied; prisons: Supplied };

// What is posted; every figure below is computed from these lists.
const RETURNS = [
  { commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people: 1200, returnedAt: '2020-03-02T08:00:00Z' },
  { commune: 'Malimana', cercle: 'Ténenkou', region: 'Mopti', people: 150, returnedAt: '2020-03-20T08:00:00Z' },
  { commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people: 1920, returnedAt: '2020-04-10T08:00:00Z' },
  { commune: 'Femaye', cercle: 'Djenné', region: 'Mopti', people: 400, returnedAt: '2020-06-03T08:00:00Z' },
];
const DELIVERIES = [
  { institutionKind: 'court', institution: 'Tribunal de Mopti', deliveredAt: '2020-02-01T08:00:00Z', supplies: 'IT equipment' },
  { institutionKind: 'court', institution: 'Tribunal de Mopti', deliveredAt: '2020-04-01T08:00:00Z', supplies: 'furniture' },
  { institutionKind: 'court', institution: 'Tribunal de Djenné', deliveredAt: '2020-03-01T08:00:00Z', supplies: 'IT equipment' },
  { institutionKind: 'prison', institution: 'Maison d’arrêt de Mopti', deliveredAt: '2020-03-01T08:00:00Z', supplies: 'hygiene kits' },
  { institutionKind: 'prison', institution: 'Maison d’arrêt de Bandiagara', deliveredAt: '2020-05-19T08:00:00Z', supplies: 'masks' },
  { institutionKind: 'prison', institution: 'Maison d’arrêt de Gao', deliveredAt: '2020-06-10T08:00:00Z', supplies: 'masks', cercle: 'Gao', region: 'Gao' },
];
const TO = '2020-05-20T23:59:59Z';

const peopleTo = (commune: string, to = TO) => RETURNS.filter((r) => r.commune === commune && r.returnedAt <= to).reduce((n, r) => n + r.people, 0);
const supplied = (kind: string, to = TO): Supplied => {
  const mine = DELIVERIES.filter((d) => d.institutionKind === kind && d.deliveredAt <= to);
  return { institutions: new Set(mine.map((d) => d.institution)).size, deliveries: mine.length };
};

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /returns and /supplies/summary (%s)', (_store, start) => {
  let running: InProcessApp;
  let last = 0;

  const post = (url: string, payload: object) => running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
  const get = async <T>(url: string): Promise<T> => {
    const res = await running.app.inject({ method: 'GET', url: `${url}&minPosition=${last}`, headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    running = await start();
    for (const [url, body] of [...RETURNS.map((r) => ['/returns', r] as const), ...DELIVERIES.map((d) => ['/supplies', d] as const)]) {
      const res = await post(url, body);
      expect(res.statusCode).toBe(201);
      last = Math.max(last, res.json<{ position: number }>().position);
    }
  });
  afterAll(() => running?.close());

  it('returns per commune and cercle in the range, most people first', async () => {
    const body = await get<Returns>('/returns?from=2020-01-01&to=2020-05-20');
    expect(body.communes).toEqual([
      expect.objectContaining({ region: 'Mopti', cercle: 'Djenné', commune: 'Femaye', people: peopleTo('Femaye'), returns: 2 }),
      expect.objectContaining({ region: 'Mopti', cercle: 'Ténenkou', commune: 'Malimana', people: peopleTo('Malimana'), returns: 1 }),
    ]);
    // The letter's 3,120 to Femaye, Djenné cercle.
    expect(body.communes[0]!.people).toBe(3120);
    expect(body.people).toBe(peopleTo('Femaye') + peopleTo('Malimana'));
    expect(body).toMatchObject({ from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z' });
  });

  it('a later range sees the June return', async () => {
    const body = await get<Returns>('/returns?from=2020-06-01&to=2020-06-30');
    expect(body.communes).toEqual([expect.objectContaining({ commune: 'Femaye', people: 400, returns: 1 })]);
  });

  it('asOf before anything was recorded: nothing yet', async () => {
    expect((await get<Returns>('/returns?from=2020-01-01&asOf=2020-01-01')).communes).toEqual([]);
    expect(await get<Supplies>('/supplies/summary?from=2020-01-01&asOf=2020-01-01')).toMatchObject({ courts: { institutions: 0 }, prisons: { institutions: 0 } });
  });

  it('supplies: distinct courts and prisons (institutions, not deliveries), and the deliveries', async () => {
    const body = await get<Supplies>('/supplies/summary?from=2020-01-01&to=2020-05-20');
    expect(body.courts).toEqual(supplied('court'));
    expect(body.prisons).toEqual(supplied('prison'));
    // Tribunal de Mopti was supplied twice: one court, two deliveries.
    expect(body.courts).toEqual({ institutions: 2, deliveries: 3 });
  });

  it('refuses a name of a person, a count that is not one, a blank place and a future date', async () => {
    const withName = await post('/returns', { ...RETURNS[0], headOfFamily: 'Fatoumata D.' });
    expect(withName.statusCode).toBe(400);
    expect(JSON.stringify(withName.json())).toContain('headOfFamily');
    expect((await post('/returns', { ...RETURNS[0], people: -3 })).statusCode).toBe(400);
    expect((await post('/returns', { ...RETURNS[0], people: 2.5 })).statusCode).toBe(400);
    expect((await post('/returns', { ...RETURNS[0], commune: '   ' })).statusCode).toBe(422);
    expect((await post('/returns', { ...RETURNS[0], returnedAt: '2999-01-01T00:00:00Z' })).statusCode).toBe(422);
    expect((await post('/supplies', { ...DELIVERIES[0], institutionKind: 'police-station' })).statusCode).toBe(400);
    expect((await post('/supplies', { ...DELIVERIES[0], deliveredAt: '2999-01-01T00:00:00Z' })).statusCode).toBe(422);
    // Nothing of the refused requests reached the figures.
    expect((await get<Returns>('/returns?from=2020-01-01&to=2020-05-20')).people).toBe(peopleTo('Femaye') + peopleTo('Malimana'));
  });
});
