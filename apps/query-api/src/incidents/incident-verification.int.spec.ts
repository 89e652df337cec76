import { randomUUID } from 'node:crypto';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bodies } from '../../../../tests/security/route-table.requests';
import type { InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

type Deterrence = { verified: 'only' | 'all'; days: { incidents: number }[] };
type PatrolDeterrence = { verified: 'only' | 'all'; days: { count: number }[] };

/**
 * A patrol stopped at Bankass until 03-02; attacks there on 03-04, 03-05, 03-06 and 03-07.
 * The first two are verified (by ops, by an analyst), the third not, the fourth verified and
 * then retracted: `verified=only` counts two, `all` three (a retracted one counts in neither).
 */
describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('incident verification and GET /deterrence?verified= (%s)', (_store, start) => {
  let running: InProcessApp;
  const { send, write, get } = readYourWrites(() => running);
  let patrolId = '';
  const ids: string[] = [];
  const verification = { status: 'verified', method: 'site-visit' };

  beforeAll(async () => {
    running = await start();
    patrolId = (await write('/patrols', bodies.patrol)).id;
    await write(`/patrols/${patrolId}/complete`, { endedAt: '2020-03-03T15:00:00Z' });
    for (const day of ['04', '05', '06', '07']) ids.push((await write('/incidents', { ...bodies.incident, occurredAt: `2020-03-${day}T03:00:00Z` })).id);
    await write(`/incidents/${ids[0]}/verification`, { ...verification, note: 'seen by the patrol' });
    expect((await send(`/incidents/${ids[1]}/verification`, { ...verification, method: 'independent-source' }, 'analyst')).statusCode).toBe(200);
    await write(`/incidents/${ids[3]}/verification`, verification);
    await write(`/incidents/${ids[3]}/retract`, { reason: 'duplicate of a radio report' });
  });
  afterAll(() => running?.close());

  const total = (days: { incidents?: number; count?: number }[]) => days.reduce((sum, d) => sum + (d.incidents ?? d.count ?? 0), 0);

  it('shows who verified, how and when; absent is unverified', async () => {
    const verified = (await get(`/incidents/${ids[1]}`)).json<{ verification: Record<string, string> }>();
    expect(verified.verification).toMatchObject({ status: 'verified', method: 'independent-source', by: expect.stringMatching(/^analyst/), at: expect.any(String) });
    expect((await get(`/incidents/${ids[0]}`)).json<{ verification: object }>().verification).toMatchObject({ by: expect.stringMatching(/^ops/), note: 'seen by the patrol' });
    expect((await get(`/incidents/${ids[2]}`)).json()).not.toHaveProperty('verification');
  });

  it('refuses an unknown incident (404), a retracted one (409), a wrong status (400); the same status again records nothing', async () => {
    expect((await send(`/incidents/${randomUUID()}/verification`, verification)).statusCode).toBe(404);
    expect((await send(`/incidents/${ids[3]}/verification`, { ...verification, status: 'disputed' })).statusCode).toBe(409);
    const wrong = await send(`/incidents/${ids[0]}/verification`, { ...verification, status: 'probable' });
    expect([wrong.statusCode, wrong.body]).toEqual([400, expect.stringContaining('status')]);
    const again = await send(`/incidents/${ids[0]}/verification`, verification);
    expect(again.statusCode).toBe(200);
    const stream = (await get(`/streams/incident-${ids[0]}`)).json<{ type: string }[]>();
    expect(stream.map((e) => e.type)).toEqual(['IncidentReported', 'IncidentVerificationRecorded']);
  });

  it('GET /deterrence counts all by default and says so; only counts the verified incidents', async () => {
    const all = (await get('/deterrence?radiusKm=5')).json<Deterrence>();
    const only = (await get('/deterrence?radiusKm=5&verified=only')).json<Deterrence>();
    expect([all.verified, total(all.days)]).toEqual(['all', 3]);
    expect([only.verified, total(only.days)]).toEqual(['only', 2]);
    expect((await get('/deterrence?verified=some')).statusCode).toBe(400);
  });

  it('GET /patrols/{id}/deterrence and the chart take it too', async () => {
    const all = (await get(`/patrols/${patrolId}/deterrence?radiusKm=5`)).json<PatrolDeterrence>();
    const only = (await get(`/patrols/${patrolId}/deterrence?radiusKm=5&verified=only`)).json<PatrolDeterrence>();
    expect([all.verified, total(all.days)]).toEqual(['all', 3]);
    expect([only.verified, total(only.days)]).toEqual(['only', 2]);
    expect((await get('/deterrence/chart.svg?verified=only')).body).toContain('verified incidents only');
  });

  it('the CSV curve says which incidents it counted', async () => {
    const csv = (await get('/deterrence?verified=only', 'analyst', { accept: 'text/csv' })).body;
    expect(csv.split('\n')[0]).toContain('verified');
    expect(csv.split('\n')[1]).toMatch(/,only,/);
  });

  it('POST /incidents and corrections take perpetrator and target; GET shows them; a wrong type is 400', async () => {
    const perpetrator = { name: 'Dan Na Ambassagou', type: 'communal-militia' };
    const { id } = await write('/incidents', { ...bodies.incident, perpetrator, target: { type: 'civilians' } });
    expect((await get(`/incidents/${id}`)).json()).toMatchObject({ perpetrator, target: { type: 'civilians' } });
    await write(`/incidents/${id}/correct`, { perpetrator: { type: 'unidentified-armed-men' } });
    expect((await get(`/incidents/${id}`)).json()).toMatchObject({ perpetrator: { type: 'unidentified-armed-men' }, target: { type: 'civilians' } });
    const wrong = await send('/incidents', { ...bodies.incident, target: { type: 'bandits' } });
    expect([wrong.statusCode, wrong.body]).toEqual([400, expect.stringContaining('target.type')]);
  });
});
