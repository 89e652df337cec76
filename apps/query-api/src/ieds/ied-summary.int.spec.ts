import { toLocation } from '@poc/domain';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Counts = { found: number; neutralised: number; detonated: number; pending: number; shareNeutralised: number | null; casualties: number };
type Summary = {
  totals: Counts;
  byMonth: (Counts & { month: string })[];
  byMonthAndAxis: (Counts & { month: string; axis: string | null; cercle: string | null })[];
  convoys: { convoyId: string; found: number; cleared: number; detonated: number; pending: number; casualties: number; units: string[] }[];
};

const SIKA = 'Gao–Ansongo–Labbezanga';
const LABBEZANGA = { lat: 14.95, lon: 0.72, precision: 2, place: 'Labbezanga', cercle: 'Ansongo', region: 'Gao' };
const BANKASS = { lat: 14.0775, lon: -3.5159, precision: 1, place: 'Bankass', cercle: 'Bankass', region: 'Mopti' };
const KORO = { lat: 14.0667, lon: -3.0833, precision: 1, place: 'Koro', cercle: 'Koro', region: 'Mopti' };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('IEDs: the share neutralised (%s)', (_store, start) => {
  let running: InProcessApp;
  let last = 0;
  const posted: { status: string; month: string; axis: string | null; cercle: string; convoyId?: string; casualties?: number }[] = [];
  let detonatedId = '';

  const post = async (url: string, payload: object, expected = 201) => {
    const res = await running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
    expect({ url, status: res.statusCode, body: res.json() }).toMatchObject({ status: expected });
    const body = res.json<{ id: string; position: number }>();
    last = Math.max(last, body.position);
    return body;
  };
  const get = async <T>(url: string) => {
    const res = await running.app.inject({ method: 'GET', url: `${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    return res.json<T>();
  };
  const detect = async (body: { detectedAt: string; location: typeof KORO; status: string; axis?: string; convoyId?: string; unit?: string; casualties?: number }) => {
    const created = await post('/ieds', body);
    posted.push({ status: body.status, month: body.detectedAt.slice(0, 7), axis: body.axis ?? null, cercle: body.location.cercle, ...(body.convoyId && { convoyId: body.convoyId }), ...(body.casualties !== undefined && { casualties: body.casualties }) });
    return created;
  };

  beforeAll(async () => {
    running = await start();
    // March: one escort company finds and clears five devices on one convoy (the letter).
    for (const hour of ['06', '07', '08', '09', '10']) {
      await detect({ detectedAt: `2020-03-17T${hour}:10:00Z`, location: LABBEZANGA, status: 'neutralized', axis: SIKA, convoyId: 'CVY-0317', unit: 'Convoy escort company 3' });
    }
    // Found on another convoy, then it went off during clearance.
    detonatedId = (await detect({ detectedAt: '2020-03-22T07:00:00Z', location: LABBEZANGA, status: 'detected', axis: SIKA, convoyId: 'CVY-0322' })).id;
    await post(`/ieds/${detonatedId}/detonation`, { at: '2020-03-22T07:30:00Z', casualties: 3 }, 200);
    posted[posted.length - 1] = { ...posted[posted.length - 1]!, status: 'detonated', casualties: 3 };
    await detect({ detectedAt: '2020-03-28T07:00:00Z', location: BANKASS, status: 'detected' });
    await detect({ detectedAt: '2020-04-02T07:00:00Z', location: KORO, status: 'detonated', casualties: 2 });

    // A device reported before axes existed: an IedDetected v1 row, as written then.
    const metadata = { actor: 'legacy', role: 'ops', correlationId: 'legacy-ied' } as const;
    const detectedAt = '2020-03-05T07:00:00.000Z';
    const legacy = await running.infra.eventStore.append('ied-legacy-1', [
      { type: 'IedDetected', schemaVersion: 1, occurredAt: detectedAt, data: { iedId: 'legacy-1', detectedAt, location: toLocation(LABBEZANGA) }, metadata },
      { type: 'IedNeutralized', occurredAt: '2020-03-05T08:00:00.000Z', data: { iedId: 'legacy-1', at: '2020-03-05T08:00:00.000Z' }, metadata },
    ]);
    last = Math.max(last, legacy.lastPosition);
    posted.push({ status: 'neutralized', month: '2020-03', axis: null, cercle: 'Ansongo' });
  });
  afterAll(() => running?.close());

  /** The figures of the devices posted that match, as the posts give them. */
  const expected = (match: (p: (typeof posted)[number]) => boolean): Counts => {
    const these = posted.filter(match);
    const neutralised = these.filter((p) => p.status === 'neutralized').length;
    const detonated = these.filter((p) => p.status === 'detonated');
    return {
      found: these.length,
      neutralised,
      detonated: detonated.length,
      pending: these.filter((p) => p.status === 'detected').length,
      shareNeutralised: neutralised + detonated.length === 0 ? null : neutralised / (neutralised + detonated.length),
      casualties: detonated.reduce((sum, p) => sum + (p.casualties ?? 0), 0),
    };
  };

  it('per month and axis (by cercle where no axis): found, neutralised, detonated, the share and casualties', async () => {
    const summary = await get<Summary>('/ieds/summary?from=2020-03-01&to=2020-04-30');
    expect(summary.byMonthAndAxis).toEqual([
      { month: '2020-03', axis: SIKA, cercle: null, ...expected((p) => p.month === '2020-03' && p.axis === SIKA) },
      { month: '2020-03', axis: null, cercle: 'Ansongo', ...expected((p) => p.month === '2020-03' && p.axis === null && p.cercle === 'Ansongo') },
      { month: '2020-03', axis: null, cercle: 'Bankass', ...expected((p) => p.month === '2020-03' && p.axis === null && p.cercle === 'Bankass') },
      { month: '2020-04', axis: null, cercle: 'Koro', ...expected((p) => p.month === '2020-04') },
    ]);
    // Five cleared and one gone off on the axis in March.
    expect(summary.byMonthAndAxis[0]).toMatchObject({ found: 6, neutralised: 5, detonated: 1, casualties: 3 });
    expect(summary.byMonth).toEqual([
      { month: '2020-03', ...expected((p) => p.month === '2020-03') },
      { month: '2020-04', ...expected((p) => p.month === '2020-04') },
    ]);
    expect(summary.totals).toEqual(expected(() => true));
  });

  it('per convoy: five found and cleared on one escort in March', async () => {
    const summary = await get<Summary>('/ieds/summary?from=2020-03-01&to=2020-03-31');
    expect(summary.convoys).toEqual([
      expect.objectContaining({ convoyId: 'CVY-0317', found: 5, cleared: 5, detonated: 0, pending: 0, units: ['Convoy escort company 3'] }),
      expect.objectContaining({ convoyId: 'CVY-0322', found: 1, cleared: 0, detonated: 1, casualties: 3, units: [] }),
    ]);
    expect(summary.totals).toEqual(expected((p) => p.month === '2020-03'));
  });

  it('each device shows its axis; a v1 report reads as none', async () => {
    expect(await get(`/ieds/${detonatedId}`)).toMatchObject({ axis: SIKA, status: 'detonated', casualties: 3 });
    expect(await get('/ieds/legacy-1')).toMatchObject({ axis: null, status: 'neutralized' });
    const stream = await get<{ schemaVersion: number; data: { axis: string | null } }[]>('/streams/ied-legacy-1');
    expect(stream[0]).toMatchObject({ schemaVersion: 2, data: { axis: null } });
  });

  it('the map layer still answers', async () => {
    const layer = await get<{ features: { id: string }[] }>('/ieds.geojson');
    expect(layer.features.map((f) => f.id)).toContain(detonatedId);
  });

  it('refuses an axis that is not text, naming it', async () => {
    const res = await running.app.inject({ method: 'POST', url: '/ieds', headers: bearer('ops'), payload: { detectedAt: '2020-03-12T07:40:00Z', location: KORO, status: 'detected', axis: 7 } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ detail: string }>().detail).toContain('axis');
  });
});
