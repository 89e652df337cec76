import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bodies } from '../../../../tests/security/route-table.requests';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Created = { id: string; position: number };
type Row = { cercle: string; region: string | null; thisWeek: number; fourWeeksBefore: number; weeklyAverageBefore: number };

const AS_OF = '2020-03-31';
const PLACES = [
  { cercle: 'Koro', region: 'Mopti', lat: 14.064, lon: -3.0754 },
  { cercle: 'Bankass', region: 'Mopti', lat: 14.0775, lon: -3.5159 },
  { cercle: 'Ansongo', region: 'Gao', lat: 15.6597, lon: 0.5022 },
  { cercle: 'Goundam', region: 'Tombouctou', lat: 16.4145, lon: -3.6708 },
] as const;
/** Days before AS_OF: both edges of each window, and days just outside. */
const OFFSETS = [0, 1, 6, 7, 20, 34, 35, 50, -1];

const dayBefore = (offset: number) => new Date(Date.parse(`${AS_OF}T00:00:00Z`) - offset * 86_400_000).toISOString().slice(0, 10);
const location = (p: (typeof PLACES)[number]) => ({ lat: p.lat, lon: p.lon, precision: 1, cercle: p.cercle, region: p.region });

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /incidents/weekly-by-cercle (%s)', (_store, start) => {
  let running: InProcessApp;
  /** What the posted events say each incident is now: the figures are checked against this. */
  const posted = new Map<string, { day: string; cercle: string; region: string; active: boolean }>();
  let last = 0;

  const post = async (url: string, payload: object): Promise<Created> => {
    const res = await running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const created = res.json<Created>();
    last = Math.max(last, created.position);
    return created;
  };

  beforeAll(async () => {
    running = await start();
    let n = 0;
    for (const [i, place] of PLACES.entries()) {
      for (const offset of OFFSETS.slice(0, OFFSETS.length - i)) {
        // Late in the day for some: the day is the UTC day of occurrence, not of the hour.
        const day = dayBefore(offset);
        const occurredAt = `${day}T${n++ % 2 ? '23:59:00' : '00:00:00'}Z`;
        const { id } = await post('/incidents', { ...bodies.incident, occurredAt, location: location(place) });
        posted.set(id, { day, cercle: place.cercle, region: place.region, active: true });
      }
    }
    const ids = [...posted.keys()];
    // A retracted incident no longer counts.
    await post(`/incidents/${ids[0]}/retract`, { reason: 'duplicate of a radio report' });
    posted.set(ids[0]!, { ...posted.get(ids[0]!)!, active: false });
    // A corrected one counts once, where it now falls: moved to another cercle and into this week.
    const moved = ids.find((id) => posted.get(id)!.day === dayBefore(20) && posted.get(id)!.cercle === 'Bankass')!;
    await post(`/incidents/${moved}/correct`, { occurredAt: `${dayBefore(2)}T10:00:00Z`, location: location(PLACES[3]) });
    posted.set(moved, { day: dayBefore(2), cercle: 'Goundam', region: 'Tombouctou', active: true });
  });
  afterAll(() => running?.close());

  const expected = (): Row[] => {
    const rows = new Map<string, Row>();
    for (const incident of [...posted.values()].filter((i) => i.active)) {
      const age = Math.round((Date.parse(AS_OF) - Date.parse(incident.day)) / 86_400_000);
      if (age < 0 || age > 34) continue;
      const row = rows.get(incident.cercle) ?? { cercle: incident.cercle, region: incident.region, thisWeek: 0, fourWeeksBefore: 0, weeklyAverageBefore: 0 };
      if (age <= 6) row.thisWeek += 1;
      else row.fourWeeksBefore += 1;
      row.weeklyAverageBefore = row.fourWeeksBefore / 4;
      rows.set(incident.cercle, row);
    }
    return [...rows.values()].sort((a, b) => b.thisWeek - a.thisWeek || a.cercle.localeCompare(b.cercle));
  };

  it('counts each cercle\'s week and four weeks before as the posted events say', async () => {
    const res = await running.app.inject({ method: 'GET', url: `/incidents/weekly-by-cercle?asOf=${AS_OF}&minPosition=${last}`, headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-read-model-stale']).toBeUndefined();
    const body = res.json<{ cercles: Row[] }>();
    expect(body).toEqual({ asOf: AS_OF, weekFrom: '2020-03-25', weekTo: AS_OF, beforeFrom: '2020-02-26', beforeTo: '2020-03-24', cercles: expected() });
    // The seed reaches every case: a cercle in both windows, the retraction and the move
    expect(body.cercles.map((c) => c.cercle).sort()).toEqual(['Ansongo', 'Bankass', 'Goundam', 'Koro']);
    expect(body.cercles.find((c) => c.cercle === 'Goundam')).toMatchObject({ thisWeek: 4 });
    expect(body.cercles.find((c) => c.cercle === 'Koro')).toMatchObject({ thisWeek: 2, fourWeeksBefore: 3, weeklyAverageBefore: 0.75 });
  });

  it('moves with asOf, and leaves out cercles with nothing in the five weeks', async () => {
    const res = await running.app.inject({ method: 'GET', url: '/incidents/weekly-by-cercle?asOf=2020-01-01', headers: bearer('ops') });
    expect(res.json()).toMatchObject({ asOf: '2020-01-01', weekFrom: '2019-12-26', beforeFrom: '2019-11-28', beforeTo: '2019-12-25', cercles: [] });
  });

  it('defaults asOf to today (UTC), and is not taken for GET /incidents/{id}', async () => {
    const res = await running.app.inject({ method: 'GET', url: '/incidents/weekly-by-cercle', headers: bearer('admin') });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ asOf: string }>().asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it.each([
    ['asOf=2020-02-30', 'asOf'],
    ['asOf=2020-03-31T00:00:00Z', 'asOf'],
    ['asOf=31/03/2020', 'asOf'],
    ['asOf=0001-01-01', 'asOf'],
    ['minPosition=x', 'minPosition'],
    ['cercle=Koro', 'cercle'],
  ])('refuses ?%s with a 400 naming %s', async (query, field) => {
    const res = await running.app.inject({ method: 'GET', url: `/incidents/weekly-by-cercle?${query}`, headers: bearer('analyst') });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain(field);
  });

  it('is not for operators', async () => {
    expect((await running.app.inject({ method: 'GET', url: '/incidents/weekly-by-cercle', headers: bearer('operator') })).statusCode).toBe(403);
  });
});
