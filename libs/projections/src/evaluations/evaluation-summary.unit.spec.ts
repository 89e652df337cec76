import type { EvaluationRating, ShortfallArea, UnitKind } from '@poc/domain';
import type { EvaluationView, ImprovementPlanView } from './evaluations.projection';
import { evaluationSummary, latestByUnit, planFigures } from './evaluation-summary';

let next = 0;
const evaluation = (unitId: string, rating: EvaluationRating, changes: Partial<EvaluationView> = {}): EvaluationView => {
  const evaluatedAt = changes.evaluatedAt ?? '2020-03-15T09:00:00.000Z';
  return {
    evaluationId: `e${++next}`,
    unitId,
    unitKind: 'military',
    period: { from: '2020-01-01', to: '2020-03-31' },
    evaluatedAt,
    rating,
    shortfallAreas: rating === 'shortfalls' ? ['training'] : [],
    recordedAt: evaluatedAt,
    ...changes,
  };
};
/** A plan recorded as it happened unless `recordedAt` says otherwise. */
const plan = (issuedAt: string, closedAt?: string, measures: string[] = [], recordedAt = issuedAt): ImprovementPlanView => ({
  status: closedAt ? 'closed' : 'open',
  issuedAt,
  recordedAt,
  areas: [],
  measures: measures.map((takenAt) => ({ takenAt, measure: 'a measure', recordedAt: takenAt })),
  ...(closedAt && { closing: { closedAt, recordedAt: closedAt } }),
});

const ratings = (excellent: number, satisfactory: number, shortfalls: number, needsImprovement: number) => ({
  excellent,
  satisfactory,
  shortfalls,
  'needs-improvement': needsImprovement,
});

/** The letter's period: 24 military units (1, 15, 4, 4), 17 of them with plans; 10 FPUs, all satisfactory, each quarter. */
const letter = (): EvaluationView[] => {
  const spread: EvaluationRating[] = ['excellent', ...Array<EvaluationRating>(15).fill('satisfactory'), ...Array<EvaluationRating>(4).fill('shortfalls'), ...Array<EvaluationRating>(4).fill('needs-improvement')];
  const military = spread.map((rating, i) =>
    evaluation(`MIL-${i}`, rating, i >= 7 ? { plan: plan('2020-03-20T09:00:00.000Z', i < 10 ? '2020-05-01T09:00:00.000Z' : undefined, ['2020-04-01T09:00:00.000Z']) } : {}),
  );
  const fpu = (i: number, from: string, to: string, evaluatedAt: string) =>
    evaluation(`FPU-${i}`, 'satisfactory', { unitKind: 'formed-police' as UnitKind, period: { from, to }, evaluatedAt });
  const fpus = Array.from({ length: 10 }, (_, i) => [fpu(i, '2020-01-01', '2020-03-31', '2020-03-28T09:00:00.000Z'), fpu(i, '2020-04-01', '2020-06-30', '2020-05-10T09:00:00.000Z')]).flat();
  return [...military, ...fpus];
};

const period = { from: '2020-01-01T00:00:00.000Z', to: '2020-05-20T23:59:59.999Z' };

describe('evaluationSummary', () => {
  it("reproduces the letter's figures from its evaluations", () => {
    const summary = evaluationSummary(letter(), period);
    expect(summary.military).toMatchObject({ evaluations: 24, unitsEvaluated: 24, byRating: ratings(1, 15, 4, 4), plans: { issued: 17, unitsWithPlans: 17, open: 14, closed: 3, measuresTaken: 17 } });
    expect(summary.military.shortfallAreas.training).toBe(4);
    expect(summary.formedPolice).toMatchObject({ evaluations: 20, unitsEvaluated: 10, byRating: ratings(0, 10, 0, 0), plans: { issued: 0, open: 0 } });
    expect(summary).toMatchObject({ ...period, asOf: null });
  });

  it('plans stand as they were at the end of the period: later measures and closings do not count', () => {
    const summary = evaluationSummary(letter(), { ...period, to: '2020-03-25T00:00:00.000Z' });
    expect(summary.military.plans).toEqual({ issued: 17, unitsWithPlans: 17, open: 17, closed: 0, measuresTaken: 0 });
    expect(summary.formedPolice).toMatchObject({ evaluations: 0, unitsEvaluated: 0 });
  });

  it('asOf: what was recorded after it is not known yet, whenever it happened', () => {
    const late = evaluation('A', 'excellent', { recordedAt: '2020-06-02T00:00:00.000Z', plan: plan('2020-03-20T00:00:00.000Z') });
    const onTime = evaluation('B', 'satisfactory', { plan: plan('2020-03-20T00:00:00.000Z', undefined, [], '2020-06-02T00:00:00.000Z') });
    const known = evaluationSummary([late, onTime], { ...period, asOf: '2020-06-01T00:00:00.000Z' });
    expect(known.military).toMatchObject({ unitsEvaluated: 1, byRating: ratings(0, 1, 0, 0), plans: { issued: 0 } });
    expect(known.asOf).toBe('2020-06-01T00:00:00.000Z');
    expect(evaluationSummary([late, onTime], period).military).toMatchObject({ unitsEvaluated: 2, plans: { issued: 2 } });
  });

  it('leaves out evaluations outside from..to', () => {
    const docs = [evaluation('A', 'excellent', { evaluatedAt: '2019-12-31T23:59:59.999Z' }), evaluation('B', 'satisfactory'), evaluation('C', 'excellent', { evaluatedAt: '2020-06-01T00:00:00.000Z' })];
    expect(evaluationSummary(docs, period).military).toMatchObject({ unitsEvaluated: 1, byRating: ratings(0, 1, 0, 0) });
    expect(evaluationSummary(docs, {}).military.unitsEvaluated).toBe(3);
  });

  it('a unit evaluated twice counts once, by its latest rating and areas', () => {
    const areas: ShortfallArea[] = ['equipment'];
    const first = evaluation('A', 'shortfalls', { shortfallAreas: areas, evaluatedAt: '2020-02-01T00:00:00.000Z' });
    const second = evaluation('A', 'satisfactory', { evaluatedAt: '2020-04-01T00:00:00.000Z' });
    expect(latestByUnit([second, first])).toEqual([second]);
    const figures = evaluationSummary([first, second], period).military;
    expect(figures).toMatchObject({ evaluations: 2, unitsEvaluated: 1, byRating: ratings(0, 1, 0, 0) });
    expect(figures.shortfallAreas.equipment).toBe(0);
  });

  it('two plans for one unit: two issued, one unit with plans', () => {
    const docs = [evaluation('A', 'shortfalls', { plan: plan('2020-02-01T00:00:00.000Z') }), evaluation('A', 'satisfactory', { plan: plan('2020-04-01T00:00:00.000Z') })];
    expect(planFigures(docs, period)).toEqual({ issued: 2, unitsWithPlans: 1, open: 2, closed: 0, measuresTaken: 0 });
  });

  it('nothing evaluated: every rating and area at zero', () => {
    const { military } = evaluationSummary([], period);
    expect(military.byRating).toEqual(ratings(0, 0, 0, 0));
    expect(Object.values(military.shortfallAreas).every((n) => n === 0)).toBe(true);
  });
});
