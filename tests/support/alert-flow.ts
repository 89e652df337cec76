import { client } from './http-client';

/**
 * The operations flow of the foundation issue, against any deployment: post an alert,
 * triage it, answer it with a flight and a patrol with stops, report incidents before and
 * after, then check the alert's status, the daily counts and the patrol's deterrence.
 * `writeUrl` and `readUrl` are the same server embedded, different processes distributed.
 */
export const KEYS = { operator: 'operator-key-e2e-0001', ops: 'ops-key-e2e-0001', analyst: 'analyst-key-e2e-0001' };
export const API_KEYS = `operator:${KEYS.operator},ops:${KEYS.ops},analyst:${KEYS.analyst}`;

export const OGOSSAGOU = { lat: 14.15, lon: -3.62 };
export const BANKASS = { lat: 14.0775, lon: -3.5159 };
/** A point `km` north of a place (1° of latitude ≈ 111.2 km). */
export const north = (p: { lat: number; lon: number }, km: number) => ({ lat: p.lat + km / 111.2, lon: p.lon });
export const at = (p: { lat: number; lon: number }, extra: Record<string, unknown> = {}) => ({
  ...p,
  precision: 1,
  cercle: 'Bankass',
  region: 'Mopti',
  ...extra,
});

export const runAlertFlow = async (writeUrl: string, readUrl: string): Promise<{ lastPosition: number; patrolId: string }> => {
  const operator = client(writeUrl, KEYS.operator);
  const opsWrite = client(writeUrl, KEYS.ops);
  const ops = client(readUrl, KEYS.ops);


    const alert = await operator.post('/alerts', {
      channel: 'hotline',
      receivedAt: '2020-03-01T08:00:00Z',
      location: at(OGOSSAGOU, { precision: 2, place: 'Ogossagou' }),
      threat: { kind: 'attack-on-civilians', expectedAt: '2020-03-02T04:00:00Z' },
      caller: { name: 'A caller', phone: '+223 70 11 22 33' },
    });
    expect(alert.status).toBe(201);
    expect(alert.body).toMatchObject({ id: expect.any(String), streamId: `alert-${alert.body.id}`, version: 1, position: expect.any(Number) });
    const alertId: string = alert.body.id;

    const triaged = await opsWrite.post(`/alerts/${alertId}/triage`, { priority: 'flash', reliability: 'B', credibility: 2 });
    expect(triaged.status).toBe(200);

    const flight = await opsWrite.post('/flights', {
      dispatchedAt: '2020-03-01T09:00:00Z',
      target: { ...OGOSSAGOU, radiusKm: 15 },
      alertIds: [alertId],
      aircraft: 'Mi-35',
    });
    expect(flight.status).toBe(201);
    const flightDone = await opsWrite.post(`/flights/${flight.body.id}/complete`, {
      completedAt: '2020-03-01T12:00:00Z',
      overTargetFrom: '2020-03-01T10:00:00Z',
      overTargetTo: '2020-03-01T11:00:00Z',
      outcome: 'dispersal-observed',
    });
    expect(flightDone.status).toBe(200);
    expect(flightDone.body).toMatchObject({ streamId: `flight-${flight.body.id}`, version: 3 });

    const patrol = await opsWrite.post('/patrols', {
      operation: 'Buffalo',
      unit: 'LRMP-1',
      kind: 'long-range',
      startedAt: '2020-03-01T06:00:00Z',
      area: { ...OGOSSAGOU, radiusKm: 20 },
      alertIds: [alertId],
      stops: [
        { ...OGOSSAGOU, arrivedAt: '2020-03-01T16:00:00Z', departedAt: '2020-03-02T07:00:00Z', overnight: true, place: 'Ogossagou' },
        { ...BANKASS, arrivedAt: '2020-03-02T12:00:00Z', departedAt: '2020-03-03T06:00:00Z', overnight: true, place: 'Bankass' },
      ],
    });
    expect(patrol.status).toBe(201);
    const patrolId: string = patrol.body.id;
    // With Kafka, ?minPosition= guarantees the write at that position and its own stream's
    // past: the alert's view gathers three streams (alert, flight, patrol), so wait for each.
    const alertWrites: number[] = [triaged.body.position, flight.body.position, patrol.body.position];
    const completed = await opsWrite.post(`/patrols/${patrolId}/complete`, { endedAt: '2020-03-03T15:00:00Z' });
    expect(completed.status).toBe(200);
    expect((await opsWrite.post(`/patrols/${patrolId}/complete`, { endedAt: '2020-03-03T16:00:00Z' })).status).toBe(409);

    const incident = (occurredAt: string, point: { lat: number; lon: number }, extra: Record<string, unknown> = {}) =>
      opsWrite.post('/incidents', { occurredAt, location: at(point), kind: 'attack-on-civilians', fatalities: 1, source: 'civilian', ...extra });
    const reported = [
      await incident('2020-01-20T10:00:00Z', OGOSSAGOU), // before the baseline
      await incident('2020-02-14T03:00:00Z', north(OGOSSAGOU, 2)), // baseline
      await incident('2020-02-20T03:00:00Z', north(BANKASS, 1), { kind: 'clash' }), // baseline, near the second stop
      await incident('2020-03-03T20:00:00Z', OGOSSAGOU), // day 0: transition, left out
      await incident('2020-03-06T05:00:00Z', north(OGOSSAGOU, 6)), // day 3
      await incident('2020-03-08T05:00:00Z', north(OGOSSAGOU, 12)), // day 5, but 12 km away
      await incident('2020-03-10T05:00:00Z', north(BANKASS, 3)), // day 7
      await incident('2020-03-12T05:00:00Z', OGOSSAGOU, { timePrecision: 2 }), // not day-precise
      await incident('2020-03-09T05:00:00Z', OGOSSAGOU), // retracted below
    ];
    expect(reported.map((r) => r.status)).toEqual(Array(9).fill(201));
    const retract = await opsWrite.post(`/incidents/${reported[8]!.body.id}/retract`, { reason: 'duplicate of a radio report' });
    expect(retract.status).toBe(200);
    const lastPosition: number = retract.body.position;

    for (const position of alertWrites) {
      expect((await ops.get(`/alerts/${alertId}?minPosition=${position}`)).headers.get('x-read-model-stale')).toBeNull();
    }
    const alertView = await ops.get(`/alerts/${alertId}?minPosition=${alertWrites[2]}`);
    expect(alertView.headers.get('x-read-model-stale')).toBeNull();
    expect(alertView.status).toBe(200);
    expect(alertView.body).toMatchObject({ status: 'triaged', triage: { priority: 'flash', reliability: 'B', credibility: 2 }, hasCaller: true });
    expect(alertView.body.responses.map((r: { kind: string }) => r.kind).sort()).toEqual(['flight', 'patrol']);
    expect(JSON.stringify(alertView.body)).not.toContain('+223 70 11 22 33');

    // Each incident is its own stream (and, with Kafka, maybe its own partition): wait for each.
    for (const r of reported) expect((await ops.get(`/incidents/${r.body.id}?minPosition=${r.body.position}`)).headers.get('x-read-model-stale')).toBeNull();
    const daily = await ops.get(`/incidents/daily?from=2020-03-01&to=2020-03-31&cercle=Bankass&minPosition=${lastPosition}`);
    expect(daily.status).toBe(200);
    expect(daily.body).toEqual([
      { date: '2020-03-03', cercle: 'Bankass', count: 1 },
      { date: '2020-03-06', cercle: 'Bankass', count: 1 },
      { date: '2020-03-08', cercle: 'Bankass', count: 1 },
      { date: '2020-03-10', cercle: 'Bankass', count: 1 },
      { date: '2020-03-12', cercle: 'Bankass', count: 1 },
    ]);

    expect((await ops.get(`/patrols/${patrolId}?minPosition=${completed.body.position}`)).body.status).toBe('completed');
    const deterrence = await ops.get(`/patrols/${patrolId}/deterrence?minPosition=${lastPosition}`);
    expect(deterrence.status).toBe(200);
    // Methodology 1.x: each stop is an episode (Ogossagou left 03-02, Bankass left 03-03), so
    // day k counts from each stop's departure and two episode-days are at risk per day. The
    // 02-14 attack near Ogossagou belongs to the baseline of the deterrent flight's pass over
    // Ogossagou (same arrival day, an exact tie on distance, lower episode id), not the patrol's.
    expect(deterrence.body).toMatchObject({ patrolId, radiusKm: 10, methodologyVersion: expect.stringMatching(/^1\./), baseline: { days: 56, count: 1 } });
    const counts = deterrence.body.days.map((d: { count: number }) => d.count);
    expect(counts).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(deterrence.body.days.every((d: { atRisk: number }) => d.atRisk === 2)).toBe(true);

    const wide = await ops.get(`/patrols/${patrolId}/deterrence?radiusKm=25`);
    expect(wide.body.days[4]).toMatchObject({ day: 5, count: 1 });
      return { lastPosition, patrolId };
};
