import { randomUUID } from 'node:crypto';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import type { InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

const KORO = { lat: 14.0667, lon: -3.0833, precision: 1, place: 'Koro', cercle: 'Koro', region: 'Mopti' };
const HOUR = 3_600_000;
const hoursBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / HOUR;

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('TOBs measured from when the mission was informed (%s)', (_store, start) => {
  let running: InProcessApp;
  const id: Record<string, string> = {};
  const activities: { activityId: string; kind: string; cercle: string; date: string; baseId: string }[] = [];

  const { send, write: post, get } = readYourWrites(() => running);

  // The times posted: each figure is checked against them.
  const T = {
    i1: '2020-03-01T22:00:00Z', a1: '2020-03-02T06:00:00Z', b1: '2020-03-03T12:00:00Z',
    i2: '2020-03-10T00:00:00Z', w2: '2020-03-09T12:00:00Z', a2: '2020-03-11T00:00:00Z', b2: '2020-03-13T06:00:00Z',
    i3: '2020-03-15T00:00:00Z', b3: '2020-03-16T00:00:00Z', b4: '2020-03-20T00:00:00Z',
  };

  beforeAll(async () => {
    running = await start();
    const incident = async (occurredAt: string) => (await post('/incidents', { occurredAt, location: KORO, kind: 'attack-on-civilians', fatalities: 2, source: 'civilian' })).id;
    const alert = async (receivedAt: string, incidentId: string) => {
      const alertId = (await post('/alerts', { channel: 'hotline', receivedAt, location: KORO, threat: { kind: 'attack-on-civilians' } })).id;
      await post(`/alerts/${alertId}/link-incident`, { incidentId });
      return alertId;
    };
    const base = async (establishedAt: string, triggerIncidentId?: string) =>
      (await post('/bases', { establishedAt, location: KORO, ...(triggerIncidentId && { triggerIncidentId }) })).id;
    id.i1 = await incident(T.i1);
    id.a1 = await alert(T.a1, id.i1);
    id.b1 = await base(T.b1, id.i1);
    id.i2 = await incident(T.i2);
    id.w2 = await alert(T.w2, id.i2);
    id.a2 = await alert(T.a2, id.i2);
    id.b2 = await base(T.b2, id.i2);
    // Reported through POST /incidents today, long after the base: the report cannot have informed it.
    id.i3 = await incident(T.i3);
    id.b3 = await base(T.b3, id.i3);
    id.b4 = await base(T.b4);

    const activity = async (baseId: string, kind: string, cercle: string, date: string) => {
      const written = await post(`/bases/${baseId}/activities`, { kind, cercle, date });
      activities.push({ activityId: `${baseId}:${written.version}`, kind, cercle, date, baseId });
    };
    await activity(id.b1, 'mediation-mission', 'Koro', '2020-03-04T09:00:00Z');
    await activity(id.b1, 'mediation-mission', 'Koro', '2020-03-06T09:00:00Z');
    await activity(id.b1, 'humanitarian-access', 'Bankass', '2020-03-07T09:00:00Z');
    await activity(id.b2, 'mediation-mission', 'Koro', '2020-03-14T09:00:00Z');
    await activity(id.b1, 'mediation-mission', 'Koro', '2020-03-20T09:00:00Z');
    await activity(id.b2, 'human-rights-investigation', 'Bankass', '2020-04-02T09:00:00Z');
  });
  afterAll(() => running?.close());

  it('measures each base from the first alert after the attack, lists warnings, and keeps the time from the attack', async () => {
    const res = await get('/tobs/speed?from=2020-03-01&to=2020-03-31');
    expect(res.statusCode).toBe(200);
    const fromInformed = [hoursBetween(T.a1, T.b1), hoursBetween(T.a2, T.b2)];
    expect(fromInformed).toEqual([30, 54]);
    expect(res.json()).toMatchObject({
      bases: 4,
      withInformed: 2,
      medianHours: (fromInformed[0]! + fromInformed[1]!) / 2,
      within48h: 1,
      shareWithin48h: 0.5,
      within48hBaseIds: [id.b1],
    });
    const perBase = res.json<{ perBase: Record<string, unknown>[] }>().perBase;
    expect(perBase).toEqual([
      expect.objectContaining({ baseId: id.b1, informedBy: 'alert', informedByAlertId: id.a1, informedAt: new Date(T.a1).toISOString(), hours: 30, hoursFromAttack: hoursBetween(T.i1, T.b1), warningAlertIds: [] }),
      expect.objectContaining({ baseId: id.b2, informedBy: 'alert', informedByAlertId: id.a2, hours: 54, hoursFromAttack: hoursBetween(T.i2, T.b2), warningAlertIds: [id.w2] }),
      expect.objectContaining({ baseId: id.b3, informedBy: 'report', hours: null, hoursFromAttack: hoursBetween(T.i3, T.b3), excludedBecause: 'informed-after-establishment' }),
      expect.objectContaining({ baseId: id.b4, informedAt: null, hours: null, hoursFromAttack: null, excludedBecause: 'no-trigger' }),
    ]);
  });

  it('leaves GET /bases/speed as it was: hours from the attack, strictly under 48', async () => {
    const res = await get('/bases/speed?from=2020-03-01&to=2020-03-31');
    const hours = [hoursBetween(T.i1, T.b1), hoursBetween(T.i2, T.b2), hoursBetween(T.i3, T.b3)].sort((a, b) => a - b);
    expect(res.json()).toMatchObject({ bases: 4, withTrigger: 3, medianHours: hours[1], under48h: hours.filter((h) => h < 48).length });
  });

  it('counts what the TOBs enabled in March by kind and cercle, with the ids, from what was posted', async () => {
    const res = await get('/tobs/activities?from=2020-03-01&to=2020-03-31');
    expect(res.statusCode).toBe(200);
    const march = activities.filter((a) => a.date.startsWith('2020-03'));
    const of = (keep: (a: (typeof march)[number]) => boolean) => march.filter(keep);
    const count = (list: typeof march) => ({ activities: list.length, activityIds: list.map((a) => a.activityId), baseIds: [...new Set(list.map((a) => a.baseId))].sort() });
    expect(res.json()).toEqual({
      from: '2020-03-01T00:00:00.000Z',
      to: '2020-03-31T23:59:59.999Z',
      activities: march.length,
      byKind: ['mediation-mission', 'humanitarian-access', 'human-rights-investigation'].map((kind) => ({ kind, ...count(of((a) => a.kind === kind)) })),
      byKindAndCercle: [
        { kind: 'mediation-mission', cercle: 'Koro', ...count(of((a) => a.kind === 'mediation-mission' && a.cercle === 'Koro')) },
        { kind: 'humanitarian-access', cercle: 'Bankass', ...count(of((a) => a.kind === 'humanitarian-access')) },
      ],
    });
    // The letter's kind of answer: four mediation missions in Koro cercle.
    expect(res.json<{ byKindAndCercle: object[] }>().byKindAndCercle[0]).toMatchObject({ kind: 'mediation-mission', cercle: 'Koro', activities: 4 });
    const koro = await get('/tobs/activities?from=2020-01-01&to=2020-05-20&kind=human-rights-investigation&cercle=Bankass');
    expect(koro.json()).toMatchObject({ activities: 1, byKindAndCercle: [{ kind: 'human-rights-investigation', cercle: 'Bankass', activityIds: [activities[5]!.activityId] }] });
  });

  it('refuses an activity for an unknown base (404), before the base (422), and a bad kind or blank cercle (400 naming it)', async () => {
    expect((await send(`/bases/${randomUUID()}/activities`, { kind: 'mediation-mission', cercle: 'Koro', date: '2020-03-05T09:00:00Z' })).statusCode).toBe(404);
    expect((await send(`/bases/${id.b1}/activities`, { kind: 'mediation-mission', cercle: 'Koro', date: '2020-03-01T09:00:00Z' })).statusCode).toBe(422);
    const kind = await send(`/bases/${id.b1}/activities`, { kind: 'patrol', cercle: 'Koro', date: '2020-03-05T09:00:00Z' });
    expect(kind.statusCode).toBe(400);
    expect(kind.json<{ detail: string }>().detail).toContain('kind');
    const cercle = await send(`/bases/${id.b1}/activities`, { kind: 'mediation-mission', cercle: ' ', date: '2020-03-05T09:00:00Z' });
    expect(cercle.statusCode).toBe(400);
    expect(cercle.json<{ detail: string }>().detail).toContain('cercle');
  });
});
