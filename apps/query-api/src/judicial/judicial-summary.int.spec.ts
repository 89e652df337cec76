import type { JudicialCaseCategory, JudicialCaseStatus } from '@poc/domain';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import { bearer, type InProcessApp } from '../../../../tests/support/in-process-app';

type Summary = {
  on: string;
  asOf: string;
  cases: number;
  byStatus: Record<JudicialCaseStatus, number>;
  underInvestigation: { total: number; byCategory: Record<JudicialCaseCategory, number> };
  detained: { total: number; crimesAgainstPeacekeepers: number };
  convicted: { total: number; crimesAgainstPeacekeepers: number };
};

// What is posted, from which every figure below is computed: a case, its later statuses (world
// time), its detentions (people, whether against peacekeepers), its convictions.
type Change = { status: JudicialCaseStatus; at: string };
type Count = { people: number; at: string; crimesAgainstPeacekeepers: boolean };
type Fixture = { caseRef: string; category: JudicialCaseCategory; openedAt: string; changes?: Change[]; detentions?: Count[]; convictions?: Count[] };
const FIXTURES: Fixture[] = [
  { caseRef: 'PJS-T1', category: 'terrorism', openedAt: '2020-01-10T09:00:00Z', detentions: [{ people: 5, at: '2020-02-01T08:00:00Z', crimesAgainstPeacekeepers: true }] },
  { caseRef: 'PJS-T2', category: 'terrorism', openedAt: '2020-01-20T09:00:00Z', detentions: [{ people: 8, at: '2020-03-01T08:00:00Z', crimesAgainstPeacekeepers: true }] },
  { caseRef: 'PJS-T3', category: 'terrorism', openedAt: '2020-02-05T09:00:00Z', changes: [{ status: 'referred-to-trial', at: '2020-05-10T09:00:00Z' }],
    convictions: [{ people: 2, at: '2020-05-30T09:00:00Z', crimesAgainstPeacekeepers: true }] },
  { caseRef: 'PJS-O1', category: 'transnational-organised-crime', openedAt: '2020-02-10T09:00:00Z', detentions: [{ people: 4, at: '2020-02-11T08:00:00Z', crimesAgainstPeacekeepers: false }] },
  { caseRef: 'PJS-O2', category: 'transnational-organised-crime', openedAt: '2020-03-10T09:00:00Z', changes: [{ status: 'closed', at: '2020-04-01T09:00:00Z' }] },
  { caseRef: 'PJS-X1', category: 'other', openedAt: '2020-04-01T09:00:00Z' },
  { caseRef: 'PJS-X2', category: 'other', openedAt: '2020-05-25T09:00:00Z' },
];

/** The figures on a day, straight from the fixtures (not from anything the API stored). */
const expected = (on: string) => {
  const end = `${on}T23:59:59Z`;
  const open = FIXTURES.filter((f) => f.openedAt <= end);
  const statusOf = (f: Fixture) => (f.changes ?? []).filter((c) => c.at <= end).at(-1)?.status ?? 'under-investigation';
  const investigated = open.filter((f) => statusOf(f) === 'under-investigation');
  const people = (counts: Count[]) => ({
    total: counts.filter((c) => c.at <= end).reduce((n, c) => n + c.people, 0),
    crimesAgainstPeacekeepers: counts.filter((c) => c.at <= end && c.crimesAgainstPeacekeepers).reduce((n, c) => n + c.people, 0),
  });
  const count = (category: JudicialCaseCategory) => investigated.filter((f) => f.category === category).length;
  return {
    cases: open.length,
    underInvestigation: { total: investigated.length, byCategory: { terrorism: count('terrorism'), 'transnational-organised-crime': count('transnational-organised-crime'), other: count('other') } },
    detained: people(open.flatMap((f) => f.detentions ?? [])),
    convicted: people(open.flatMap((f) => f.convictions ?? [])),
  };
};

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('GET /judicial/summary (%s)', (_store, start) => {
  let running: InProcessApp;
  let last = 0;
  let beforeLateRecords = '';

  const post = (url: string, payload: object) => running.app.inject({ method: 'POST', url, headers: bearer('ops'), payload });
  const ok = async (url: string, payload: object) => {
    const res = await post(url, payload);
    expect(res.statusCode).toBeLessThan(300);
    last = Math.max(last, res.json<{ position: number }>().position);
  };
  const summary = async (query: string) => {
    const res = await running.app.inject({ method: 'GET', url: `/judicial/summary?${query}&minPosition=${last}`, headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    return res.json<Summary>();
  };

  beforeAll(async () => {
    running = await start();
    for (const f of FIXTURES.slice(0, -1)) {
      await ok('/judicial/cases', { caseRef: f.caseRef, category: f.category, openedAt: f.openedAt });
      for (const change of f.changes ?? []) await ok(`/judicial/cases/${f.caseRef}/status`, change);
      for (const d of f.detentions ?? []) await ok(`/judicial/cases/${f.caseRef}/detentions`, d);
      for (const c of f.convictions ?? []) await ok(`/judicial/cases/${f.caseRef}/convictions`, c);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    beforeLateRecords = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const lateCase = FIXTURES.at(-1)!;
    await ok('/judicial/cases', { caseRef: lateCase.caseRef, category: lateCase.category, openedAt: lateCase.openedAt });
  });
  afterAll(() => running?.close());

  it.each(['2020-03-31', '2020-05-20', '2020-05-31'])('on %s: cases under investigation by category, people detained and convicted', async (on) => {
    expect(await summary(`on=${on}`)).toMatchObject({ on, ...expected(on) });
  });

  it('the letter’s shape on 20 May: a referral on the 10th takes its case out of investigation; convictions of the 30th are not there yet', async () => {
    const body = await summary('on=2020-05-20');
    expect(body.byStatus).toEqual({ 'under-investigation': 4, 'referred-to-trial': 1, closed: 1 });
    expect(body.detained.crimesAgainstPeacekeepers).toBe(13);
    expect(body.convicted.total).toBe(0);
  });

  it('asOf: a case recorded later is left out of what was known before it', async () => {
    const before = await summary(`on=2020-05-31&asOf=${beforeLateRecords}`);
    const now = await summary('on=2020-05-31');
    expect(before.asOf).toBe(beforeLateRecords);
    expect(now.cases - before.cases).toBe(1);
    expect(now.underInvestigation.byCategory.other - before.underInvestigation.byCategory.other).toBe(1);
  });

  it('no name of a suspect: a body with one is a 400 naming the field, and nothing is stored', async () => {
    const named = await post('/judicial/cases', { caseRef: 'PJS-NAMED', category: 'terrorism', openedAt: '2020-03-01T09:00:00Z', suspectName: 'Amadou K.' });
    expect(named.statusCode).toBe(400);
    expect(JSON.stringify(named.json())).toContain('suspectName');
    const stream = await running.app.inject({ method: 'GET', url: '/streams/judicialcase-PJS-NAMED', headers: bearer('analyst') });
    expect(stream.statusCode).toBe(404);

    const detainees = await post('/judicial/cases/PJS-T1/detentions', { people: 1, at: '2020-03-02T08:00:00Z', crimesAgainstPeacekeepers: true, names: ['Amadou K.'] });
    expect(detainees.statusCode).toBe(400);
    expect(JSON.stringify(detainees.json())).toContain('names');
    expect((await summary('on=2020-05-20')).detained).toEqual(expected('2020-05-20').detained);
  });

  it('each figure traces to its case’s stream: the events posted, a reference and counts', async () => {
    const res = await running.app.inject({ method: 'GET', url: '/streams/judicialcase-PJS-T3', headers: bearer('analyst') });
    expect(res.statusCode).toBe(200);
    const events = res.json<{ type: string; data: object }[]>();
    expect(events.map((e) => e.type)).toEqual(['JudicialCaseOpened', 'JudicialCaseStatusChanged', 'ConvictionsRecorded']);
    expect(events[2]!.data).toEqual({ caseRef: 'PJS-T3', people: 2, at: '2020-05-30T09:00:00.000Z', crimesAgainstPeacekeepers: true });
  });

  it('a status change, detention or conviction on an unknown case is a 404', async () => {
    expect((await post('/judicial/cases/PJS-NONE/status', { status: 'closed', at: '2020-03-01T09:00:00Z' })).statusCode).toBe(404);
    expect((await post('/judicial/cases/PJS-NONE/detentions', { people: 1, at: '2020-03-01T09:00:00Z', crimesAgainstPeacekeepers: true })).statusCode).toBe(404);
    expect((await post('/judicial/cases/PJS-NONE/convictions', { people: 1, at: '2020-03-01T09:00:00Z', crimesAgainstPeacekeepers: true })).statusCode).toBe(404);
  });

  it('refuses what the rules refuse: a reference opened twice (409), no one detained (400), a conviction before trial (409), a future date (422)', async () => {
    expect((await post('/judicial/cases', { caseRef: 'PJS-T1', category: 'other', openedAt: '2020-03-01T09:00:00Z' })).statusCode).toBe(409);
    expect((await post('/judicial/cases/PJS-T1/detentions', { people: 0, at: '2020-03-01T09:00:00Z', crimesAgainstPeacekeepers: true })).statusCode).toBe(400);
    expect((await post('/judicial/cases/PJS-T1/convictions', { people: 1, at: '2020-03-01T09:00:00Z', crimesAgainstPeacekeepers: true })).statusCode).toBe(409);
    expect((await post('/judicial/cases/PJS-T1/status', { status: 'closed', at: '2999-01-01T00:00:00Z' })).statusCode).toBe(422);
  });

  it('refuses a day that is not one', async () => {
    const res = await running.app.inject({ method: 'GET', url: '/judicial/summary?on=2020-02-30', headers: bearer('ops') });
    expect(res.statusCode).toBe(400);
  });
});
