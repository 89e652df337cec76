import type { EvaluationRating } from '@poc/domain';
import type { EvaluationSummary, EvaluationView } from '@poc/projections';
import { startOnPostgres, startOnSqlite } from '../../../../tests/security/fuzz-stores';
import type { InProcessApp } from '../../../../tests/support/in-process-app';
import { readYourWrites } from '../../../../tests/support/read-your-writes';

type Posted = { unitId: string; kind: 'military' | 'formed-police'; rating: EvaluationRating; plan: 'none' | 'open' | 'closed' };

// The letter's period: 24 military units (1 excellent, 15 satisfactory, 4 with shortfalls, 4 needing
// improvement), 17 of them given plans; 10 FPUs evaluated each quarter, all satisfactory.
const SPREAD: EvaluationRating[] = ['excellent', ...Array<EvaluationRating>(15).fill('satisfactory'), ...Array<EvaluationRating>(4).fill('shortfalls'), ...Array<EvaluationRating>(4).fill('needs-improvement')];
const Q1 = { from: '2020-01-01', to: '2020-03-31' };
const Q2 = { from: '2020-04-01', to: '2020-06-30' };

describe.each([
  ['SQLite', startOnSqlite],
  ['PostgreSQL', startOnPostgres],
])('evaluations and improvement plans (%s)', (_store, start) => {
  let running: InProcessApp;
  const posted: Posted[] = [];
  const ids: string[] = [];
  let closedId = '';

  const { send: post, write: ok, get } = readYourWrites(() => running);

  const evaluate = async (unitId: string, kind: Posted['kind'], rating: EvaluationRating, period: { from: string; to: string }, evaluatedAt: string) => {
    const shortfallAreas = rating === 'shortfalls' ? ['training', 'equipment'] : rating === 'needs-improvement' ? ['command-and-control'] : undefined;
    const { id } = await ok('/evaluations', { unitId, unitKind: kind, period, evaluatedAt, rating, ...(shortfallAreas && { shortfallAreas }) });
    posted.push({ unitId, kind, rating, plan: 'none' });
    ids.push(id);
    return id;
  };

  beforeAll(async () => {
    running = await start();
    for (const [i, rating] of SPREAD.entries()) {
      const id = await evaluate(`MIL-${i + 1}`, 'military', rating, Q1, `2020-03-${String(10 + (i % 15)).padStart(2, '0')}T09:00:00Z`);
      // Plans for the last 17: every unit below satisfactory and nine satisfactory ones.
      if (i < SPREAD.length - 17) continue;
      await ok(`/evaluations/${id}/improvement-plan`, { issuedAt: '2020-03-28T09:00:00Z', areas: ['training'] });
      posted[posted.length - 1]!.plan = 'open';
      await ok(`/evaluations/${id}/improvement-plan/measures`, { takenAt: '2020-04-15T09:00:00Z', measure: 'a training cycle run by the force HQ' });
      if (i % 4 === 0) {
        await ok(`/evaluations/${id}/improvement-plan/close`, { closedAt: '2020-05-10T09:00:00Z', note: 'measures done' });
        posted[posted.length - 1]!.plan = 'closed';
        closedId = id;
      }
    }
    for (let i = 1; i <= 10; i++) {
      await evaluate(`FPU-${i}`, 'formed-police', 'satisfactory', Q1, '2020-03-30T09:00:00Z');
      await evaluate(`FPU-${i}`, 'formed-police', 'satisfactory', Q2, '2020-05-15T09:00:00Z');
    }
    // Before the period: not counted.
    await evaluate('MIL-OLD', 'military', 'excellent', { from: '2019-10-01', to: '2019-12-31' }, '2019-12-20T09:00:00Z');
  });
  afterAll(() => running?.close());

  const count = (kind: Posted['kind'], where: (p: Posted) => boolean = () => true) =>
    new Set(posted.filter((p) => p.kind === kind && p.unitId !== 'MIL-OLD' && where(p)).map((p) => p.unitId)).size;

  it("GET /evaluations/summary: the letter's figures, counted from what was posted", async () => {
    const res = await get('/evaluations/summary?from=2020-01-01&to=2020-05-20');
    expect(res.statusCode).toBe(200);
    const summary = res.json<EvaluationSummary>();
    const byRating = (kind: Posted['kind']) => Object.fromEntries((['excellent', 'satisfactory', 'shortfalls', 'needs-improvement'] as const).map((r) => [r, count(kind, (p) => p.rating === r)]));
    expect(summary.military.unitsEvaluated).toBe(count('military'));
    expect(summary.military.byRating).toEqual(byRating('military'));
    expect(summary.military.plans).toEqual({
      issued: count('military', (p) => p.plan !== 'none'),
      unitsWithPlans: count('military', (p) => p.plan !== 'none'),
      open: count('military', (p) => p.plan === 'open'),
      closed: count('military', (p) => p.plan === 'closed'),
      measuresTaken: count('military', (p) => p.plan !== 'none'),
    });
    expect(summary.military.shortfallAreas).toMatchObject({ training: count('military', (p) => p.rating === 'shortfalls'), 'command-and-control': count('military', (p) => p.rating === 'needs-improvement') });
    expect(summary.formedPolice).toMatchObject({ evaluations: 20, unitsEvaluated: count('formed-police'), byRating: byRating('formed-police') });
    // And they are the letter's.
    expect([summary.military.unitsEvaluated, summary.military.byRating, summary.military.plans.unitsWithPlans]).toEqual([24, { excellent: 1, satisfactory: 15, shortfalls: 4, 'needs-improvement': 4 }, 17]);
    expect([summary.formedPolice.unitsEvaluated, summary.formedPolice.byRating.satisfactory]).toEqual([10, 10]);
    expect(summary).toMatchObject({ from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z', asOf: null });
  });

  it('plans as they stood at the end of the period; nothing known as of a day before it was recorded', async () => {
    const march = (await get('/evaluations/summary?from=2020-01-01&to=2020-03-31')).json<EvaluationSummary>();
    expect(march.military.plans).toMatchObject({ issued: 17, open: 17, closed: 0, measuresTaken: 0 });
    expect(march.formedPolice.evaluations).toBe(10);
    // Recorded today: as known on 21 May 2020, nothing had been.
    const known = (await get('/evaluations/summary?from=2020-01-01&to=2020-05-20&asOf=2020-05-21')).json<EvaluationSummary>();
    expect(known).toMatchObject({ asOf: '2020-05-21T23:59:59.999Z', military: { evaluations: 0, plans: { issued: 0 } }, formedPolice: { evaluations: 0 } });
  });

  it('GET /units/{id}/evaluations, GET /evaluations/{id} and the list filters', async () => {
    const fpu = (await get('/units/FPU-3/evaluations', 'ops')).json<EvaluationView[]>();
    expect(fpu.map((e) => e.period)).toEqual([Q1, Q2]);
    expect((await get('/units/NEVER-1/evaluations')).json()).toEqual([]);
    const one = (await get(`/evaluations/${closedId}`, 'admin')).json<EvaluationView>();
    expect(one).toMatchObject({ unitId: 'MIL-21', rating: 'needs-improvement', shortfallAreas: ['command-and-control'], plan: { status: 'closed', measures: [{ measure: 'a training cycle run by the force HQ' }] } });
    const shortfalls = (await get('/evaluations?from=2020-01-01&unitKind=military&rating=shortfalls')).json<EvaluationView[]>();
    expect(shortfalls.map((e) => e.unitId).sort()).toEqual(posted.filter((p) => p.rating === 'shortfalls' && p.kind === 'military').map((p) => p.unitId).sort());
    const open = (await get('/evaluations?planStatus=open&limit=1000')).json<EvaluationView[]>();
    expect(open).toHaveLength(count('military', (p) => p.plan === 'open'));
    expect((await get('/evaluations/nope')).statusCode).toBe(404);
    // The events each figure comes from: the evaluation, its plan, the measure and the closing in one stream.
    const stream = (await get(`/streams/evaluation-${closedId}`)).json<{ type: string }[]>();
    expect(stream.map((e) => e.type)).toEqual(['UnitEvaluated', 'ImprovementPlanIssued', 'ImprovementMeasureTaken', 'ImprovementPlanClosed']);
  });

  it('the rules at the edge: no rating 400, areas with satisfactory 422, a plan with no evaluation 404, a closed plan takes no measure 409', async () => {
    const noRating = await post('/evaluations', { unitId: 'MIL-X', unitKind: 'military', period: Q1, evaluatedAt: '2020-03-01T09:00:00Z' });
    expect(noRating.statusCode).toBe(400);
    expect(noRating.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['rating']);
    const badDay = await post('/evaluations', { unitId: 'MIL-X', unitKind: 'military', period: { from: '2020-02-30', to: '2020-03-31' }, evaluatedAt: '2020-03-01T09:00:00Z', rating: 'excellent' });
    expect(badDay.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['period.from']);
    const areas = await post('/evaluations', { unitId: 'MIL-X', unitKind: 'military', period: Q1, evaluatedAt: '2020-03-01T09:00:00Z', rating: 'satisfactory', shortfallAreas: ['training'] });
    expect(areas.statusCode).toBe(422);
    expect(areas.json<{ field: string }>().field).toBe('shortfallAreas');
    const halfYear = await post('/evaluations', { unitId: 'FPU-X', unitKind: 'formed-police', period: { from: '2020-01-01', to: '2020-06-30' }, evaluatedAt: '2020-03-01T09:00:00Z', rating: 'satisfactory' });
    expect(halfYear.statusCode).toBe(422);
    expect((await post('/evaluations/no-such-evaluation/improvement-plan', { issuedAt: '2020-03-28T09:00:00Z' })).statusCode).toBe(404);
    const closed = closedId;
    expect((await post(`/evaluations/${closed}/improvement-plan`, { issuedAt: '2020-05-11T09:00:00Z' })).statusCode).toBe(409);
    expect((await post(`/evaluations/${closed}/improvement-plan/measures`, { takenAt: '2020-05-12T09:00:00Z', measure: 'one more' })).statusCode).toBe(409);
    expect((await post(`/evaluations/${ids[0]}/improvement-plan/measures`, { takenAt: '2020-05-12T09:00:00Z', measure: 'no plan' })).statusCode).toBe(409);
    expect((await get('/evaluations/summary?asOf=2020-02-30')).statusCode).toBe(400);
  });
});
