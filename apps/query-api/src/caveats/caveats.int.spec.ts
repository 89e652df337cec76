import type { CaveatSummary, CaveatView } from '@poc/projections';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import type { InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

type Posted = { id: string; declared: boolean; kind: 'refusal' | 'condition'; raisedAt: string; settled: boolean };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('caveats (%s)', (_store, start) => {
  let running: InProcessApp;
  const posted: Posted[] = [];

  const { send: post, write: ok, get } = readYourWrites(() => running);

  const raise = async (contingent: string, kind: Posted['kind'], declared: boolean, raisedAt: string, condition: string, settle = false) => {
    const { id } = await ok('/caveats', { contingent, unit: `${contingent} escort company`, kind, declared, order: 'FRAGO 12/2020: escort convoys on the new supply route', condition, raisedAt });
    if (settle) await ok(`/caveats/${id}/settle`, { settledAt: '2020-04-20T18:00:00Z', outcome: 'condition-met', settlement: 'a UAV flight each night of the move' });
    posted.push({ id, declared, kind, raisedAt, settled: settle });
  };

  beforeAll(async () => {
    running = await start();
    // The letter's example: a convoy-escort company will not take a new route without night air surveillance.
    await raise('Contingent A', 'condition', true, '2020-03-02T08:00:00Z', 'night air surveillance of the route', true);
    await raise('Contingent B', 'refusal', true, '2020-04-11T08:00:00Z', 'no movement outside the Gao sector');
    await raise('Contingent A', 'condition', true, '2020-05-01T08:00:00Z', 'an engineer team ahead of the convoy');
    // Undeclared, but before the period (and after it): the letter's "none" holds for January to May 2020.
    await raise('Contingent C', 'refusal', false, '2019-11-05T08:00:00Z', 'no night patrols');
    await raise('Contingent C', 'refusal', false, '2020-06-05T08:00:00Z', 'no night patrols');
  });
  afterAll(() => running?.close());

  const inPeriod = (p: Posted) => p.raisedAt >= '2020-01-01' && p.raisedAt <= '2020-05-20T23:59:59.999Z';

  it('GET /caveats?since=&declared=false: the undeclared ones since a date (the letter: none since January 2020)', async () => {
    const since = (await get('/caveats?since=2020-01-01&until=2020-05-20&declared=false')).json<CaveatView[]>();
    expect(since).toEqual([]);
    const all = (await get('/caveats?declared=false')).json<CaveatView[]>();
    expect(all.map((c) => c.caveatId)).toEqual(posted.filter((p) => !p.declared).map((p) => p.id));
    const conditions = (await get('/caveats?since=2020-01-01&kind=condition')).json<CaveatView[]>();
    expect(conditions.map((c) => c.condition)).toEqual(['night air surveillance of the route', 'an engineer team ahead of the convoy']);
    expect((await get('/caveats?status=settled')).json<CaveatView[]>()[0]).toMatchObject({ contingent: 'Contingent A', settled: { outcome: 'condition-met' } });
  });

  it('GET /caveats/summary: the period figures, counted from what was posted', async () => {
    const summary = (await get('/caveats/summary?from=2020-01-01&to=2020-05-20')).json<CaveatSummary>();
    const period = posted.filter(inPeriod);
    expect(summary).toMatchObject({
      raised: period.length,
      declared: period.filter((p) => p.declared).length,
      undeclared: 0,
      byKind: { refusal: period.filter((p) => p.kind === 'refusal').length, condition: period.filter((p) => p.kind === 'condition').length },
      settled: period.filter((p) => p.settled).length,
      open: period.filter((p) => !p.settled).length,
      byContingent: [
        { contingent: 'Contingent A', raised: 2, undeclared: 0 },
        { contingent: 'Contingent B', raised: 1, undeclared: 0 },
      ],
    });
    expect((await get('/caveats/summary')).json<CaveatSummary>()).toMatchObject({ raised: posted.length, undeclared: 2 });
    // Settled on 20 April: open at the end of March.
    expect((await get('/caveats/summary?from=2020-01-01&to=2020-03-31')).json<CaveatSummary>()).toMatchObject({ raised: 1, settled: 0, open: 1 });
    expect((await get('/caveats/summary?asOf=2020-05-21')).json<CaveatSummary>()).toMatchObject({ raised: 0 });
  });

  it('the rules at the edge: 400 naming the field, settle once 409, unknown 404', async () => {
    const noDeclared = await post('/caveats', { contingent: 'A', kind: 'condition', order: 'o', condition: 'c', raisedAt: '2020-03-02T08:00:00Z' });
    expect(noDeclared.statusCode).toBe(400);
    expect(noDeclared.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['declared']);
    const settled = posted[0]!.id;
    expect((await post(`/caveats/${settled}/settle`, { settledAt: '2020-04-21T08:00:00Z', outcome: 'lifted', settlement: 'again' })).statusCode).toBe(409);
    expect((await post('/caveats/nope/settle', { settledAt: '2020-04-21T08:00:00Z', outcome: 'lifted', settlement: 'x' })).statusCode).toBe(404);
    const early = await post(`/caveats/${posted[1]!.id}/settle`, { settledAt: '2020-04-01T08:00:00Z', outcome: 'lifted', settlement: 'x' });
    expect(early.statusCode).toBe(422);
    expect((await get('/caveats?declared=maybe')).statusCode).toBe(400);
    expect((await get(`/caveats/${settled}`)).json<CaveatView>()).toMatchObject({ status: 'settled', declared: true });
    expect((await get(`/streams/caveat-${settled}`)).json<{ type: string }[]>().map((e) => e.type)).toEqual(['CaveatRaised', 'CaveatSettled']);
  });
});
