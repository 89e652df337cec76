import { toArea } from '@poc/domain';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Purpose = { purpose: string; sorties: number; hours: number; airborne: number; shareOfHours: number | null };
type Month = { month: string; wholeMonth: boolean; sorties: number; hours: number; airborne: number; allottedHours: number | null; shareUsed: number | null; byPurpose: Purpose[] };
type Report = { from: string | null; to: string | null; months: Month[]; totals: Omit<Month, 'month' | 'wholeMonth'> };

const AREA = { lat: 14.0775, lon: -3.5159, radiusKm: 15 };
const minutes = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 60_000;

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('flights by purpose and flight hours (%s)', (_store, start) => {
  let running: InProcessApp;
  let last = 0;
  const id: Record<string, string> = {};

  const post = async (url: string, payload: object, expected = 201) => {
    const res = await running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
    expect({ url, status: res.statusCode, body: res.json() }).toMatchObject({ status: expected });
    const body = res.json<{ id: string; position: number }>();
    if (res.statusCode < 300) last = Math.max(last, body.position);
    return body;
  };
  const get = async <T>(url: string, role: 'ops' | 'analyst' | 'admin' = 'analyst') => {
    const res = await running.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, headers: bearer(role) });
    expect(res.statusCode).toBe(200);
    return res.json<T>();
  };
  // What was posted, flight by flight: [purpose, take-off, back].
  const flown: Record<string, [string, string, string | null]> = {};

  beforeAll(async () => {
    running = await start();
    await post('/flight-hours/allotments', { month: '2020-03', hours: 60 });
    await post('/flight-hours/allotments', { month: '2020-03', hours: 40, note: 'COVID-19: crews not rotated' });
    await post('/flight-hours/allotments', { month: '2020-04', hours: 30 });

    const fly = async (name: string, dispatch: object, back?: object) => {
      id[name] = (await post('/flights', { target: AREA, ...dispatch })).id;
      if (back) await post(`/flights/${id[name]}/complete`, back, 200);
    };
    await fly('casevac', { dispatchedAt: '2020-03-02T10:00:00Z', takeOffAt: '2020-03-02T10:15:00Z', purpose: 'casualty-evacuation' }, { completedAt: '2020-03-02T11:45:00Z' });
    // No purpose, no take-off: a deterrent flight, airborne from its dispatch (the old body stays valid).
    await fly('deterrent', { dispatchedAt: '2020-03-05T06:00:00Z', aircraft: 'Mi-35' }, { completedAt: '2020-03-05T08:00:00Z', outcome: 'nothing-observed' });
    await fly('logistics', { dispatchedAt: '2020-03-20T06:00:00Z', takeOffAt: '2020-03-20T06:30:00Z', purpose: 'logistics' }, { completedAt: '2020-03-20T07:00:00Z', outcome: 'aborted' });
    await fly('rotation', { dispatchedAt: '2020-04-03T06:00:00Z', purpose: 'rotation' }, { completedAt: '2020-04-03T10:00:00Z' });
    await fly('priority', { dispatchedAt: '2020-04-10T06:00:00Z', purpose: 'priority-task' });
    Object.assign(flown, {
      casevac: ['casualty-evacuation', '2020-03-02T10:15:00Z', '2020-03-02T11:45:00Z'],
      deterrent: ['rapid-response', '2020-03-05T06:00:00Z', '2020-03-05T08:00:00Z'],
      logistics: ['logistics', '2020-03-20T06:30:00Z', '2020-03-20T07:00:00Z'],
      rotation: ['rotation', '2020-04-03T06:00:00Z', '2020-04-03T10:00:00Z'],
      priority: ['priority-task', '2020-04-10T06:00:00Z', null],
    });

    // A flight stored before purposes existed: a FlightDispatched v1 row, as written then.
    const metadata = { actor: 'legacy', role: 'ops', correlationId: 'legacy-flight' } as const;
    const dispatchedAt = '2020-03-25T06:00:00.000Z';
    const legacy = await running.infra.eventStore.append('flight-legacy-1', [
      { type: 'FlightDispatched', schemaVersion: 1, occurredAt: dispatchedAt, data: { flightId: 'legacy-1', dispatchedAt, target: toArea(AREA), alertIds: [] }, metadata },
      { type: 'FlightCompleted', occurredAt: '2020-03-25T09:00:00.000Z', data: { flightId: 'legacy-1', completedAt: '2020-03-25T09:00:00.000Z' }, metadata },
    ]);
    last = Math.max(last, legacy.lastPosition);
    flown.legacy = ['rapid-response', dispatchedAt, '2020-03-25T09:00:00.000Z'];
  });
  afterAll(() => running?.close());

  /** Hours of the flights posted, as the posts give them, to 0.01 h. */
  const hoursOf = (names: string[]): number => Math.round((names.reduce((sum, n) => sum + (flown[n]![2] ? minutes(flown[n]![1], flown[n]![2]!) : 0), 0) / 60) * 100) / 100;
  const ofMonth = (month: string) => Object.keys(flown).filter((n) => flown[n]![1].startsWith(month));

  it('per month and purpose: sorties, hours from take-off to completion or abort, the allotment in force and the share used', async () => {
    const report = await get<Report>('/flights/hours?from=2020-03-01&to=2020-04-30');
    expect(report.months.map((m) => m.month)).toEqual(['2020-03', '2020-04']);
    const [march, april] = report.months;

    expect(hoursOf(ofMonth('2020-03'))).toBe(7);
    expect(march).toMatchObject({ wholeMonth: true, sorties: ofMonth('2020-03').length, hours: hoursOf(ofMonth('2020-03')), airborne: 0, allottedHours: 40 });
    expect(march!.shareUsed).toBeCloseTo(hoursOf(ofMonth('2020-03')) / 40);
    const byPurpose = (m: Month) => Object.fromEntries(m.byPurpose.map((p) => [p.purpose, [p.sorties, p.hours, p.airborne]]));
    expect(byPurpose(march!)).toEqual({
      'casualty-evacuation': [1, hoursOf(['casevac']), 0],
      // The deterrent flight posted without a purpose and the v1 flight.
      'rapid-response': [2, hoursOf(['deterrent', 'legacy']), 0],
      'priority-task': [0, 0, 0],
      logistics: [1, hoursOf(['logistics']), 0],
      rotation: [0, 0, 0],
    });

    expect(april).toMatchObject({ sorties: 2, hours: hoursOf(['rotation']), airborne: 1, allottedHours: 30 });
    expect(april!.shareUsed).toBeCloseTo(hoursOf(['rotation']) / 30);
    expect(byPurpose(april!)['priority-task']).toEqual([1, 0, 1]);

    expect(report.totals).toMatchObject({ sorties: 6, hours: hoursOf(Object.keys(flown)), airborne: 1, allottedHours: 70 });
    expect(report.totals.shareUsed).toBeCloseTo(hoursOf(Object.keys(flown)) / 70);
  });

  it('a range that cuts a month: only its flights, the month marked partial', async () => {
    const report = await get<Report>('/flights/hours?from=2020-03-15&to=2020-03-31', 'ops');
    expect(report.months).toEqual([expect.objectContaining({ month: '2020-03', wholeMonth: false, sorties: 2, hours: hoursOf(['logistics', 'legacy']), allottedHours: 40 })]);
  });

  it('each flight shows its purpose, take-off and hours; a v1 flight reads as rapid response from its dispatch', async () => {
    expect(await get(`/flights/${id.casevac}`)).toMatchObject({ purpose: 'casualty-evacuation', takeOffAt: '2020-03-02T10:15:00.000Z', flightHours: 1.5, status: 'completed' });
    expect(await get(`/flights/${id.deterrent}`)).toMatchObject({ purpose: 'rapid-response', takeOffAt: '2020-03-05T06:00:00.000Z', flightHours: 2 });
    expect(await get(`/flights/${id.priority}`)).not.toHaveProperty('flightHours');
    expect(await get('/flights/legacy-1')).toMatchObject({ purpose: 'rapid-response', takeOffAt: '2020-03-25T06:00:00.000Z', flightHours: 3 });
    const stream = await get<{ schemaVersion: number; data: { purpose: string } }[]>('/streams/flight-legacy-1');
    expect(stream[0]).toMatchObject({ schemaVersion: 2, data: { purpose: 'rapid-response' } });
  });

  it('the allotment stream keeps every revision', async () => {
    const stream = await get<{ type: string; data: { hours: number } }[]>('/streams/flighthours-2020-03');
    expect(stream.map((e) => [e.type, e.data.hours])).toEqual([
      ['FlightHoursAllotted', 60],
      ['FlightHoursAllotted', 40],
    ]);
  });

  it('refuses what cannot be a purpose, a take-off before dispatch, a month that is none, and the same allotment again', async () => {
    const field = async (url: string, payload: object, status: number) => {
      const res = await running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
      expect(res.statusCode).toBe(status);
      return res.json<{ detail: string }>().detail;
    };
    expect(await field('/flights', { dispatchedAt: '2020-03-05T06:00:00Z', target: AREA, purpose: 'sightseeing' }, 400)).toContain('purpose');
    expect(await field('/flights', { dispatchedAt: '2020-03-05T06:00:00Z', target: AREA, takeOffAt: '2020-03-05T05:00:00Z' }, 422)).toContain('takeOffAt');
    expect(await field('/flight-hours/allotments', { month: '2020-13', hours: 10 }, 400)).toContain('month');
    expect(await field('/flight-hours/allotments', { month: '2020-04', hours: -1 }, 400)).toContain('hours');
    await field('/flight-hours/allotments', { month: '2020-04', hours: 30 }, 409);
    const analyst = await running.app.inject({ method: 'POST', url: '/flight-hours/allotments', headers: bearer('analyst'), payload: { month: '2020-05', hours: 10 } });
    expect(analyst.statusCode).toBe(403);
  });

  it('the map layer still answers', async () => {
    const layer = await get<{ features: { id: string }[] }>('/flights.geojson', 'ops');
    expect(layer.features.map((f) => f.id)).toContain(id.casevac);
  });
});
