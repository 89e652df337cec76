import { DeciderSpecification } from '@poc/domain/testing';
import type { ImprovementMeasureTaken, ImprovementPlanClosed, ImprovementPlanIssued, UnitEvaluated } from './evaluation.events';
import type { EvaluateUnitData } from './evaluate-unit.command';
import { evaluationDecider, evaluationStreamId } from './evaluation.decider';

const now = '2020-05-20T12:00:00.000Z';
const context = { now };
const evaluationId = 'e1';
const spec = DeciderSpecification.for(evaluationDecider);
const evaluatedAt = '2020-03-15T09:00:00.000Z';
const issuedAt = '2020-03-20T09:00:00.000Z';
const takenAt = '2020-04-10T09:00:00.000Z';

const evaluation: EvaluateUnitData = {
  evaluationId,
  unitId: 'BANBAT-2',
  unitKind: 'military',
  period: { from: '2020-01-01', to: '2020-03-31' },
  evaluatedAt,
  rating: 'shortfalls',
  shortfallAreas: ['training', 'equipment'],
  unitName: 'Infantry battalion 2',
  contingent: 'Bangladesh',
};
const evaluate = (changes: Partial<EvaluateUnitData> = {}) => ({ type: 'EvaluateUnit', context, data: { ...evaluation, ...changes } }) as const;
const issue = (at = issuedAt, areas?: EvaluateUnitData['shortfallAreas']) =>
  ({ type: 'IssueImprovementPlan', context, data: { evaluationId, issuedAt: at, ...(areas && { areas }) } }) as const;
const measure = (at = takenAt, text = 'night-driving course for two platoons') =>
  ({ type: 'RecordImprovementMeasure', context, data: { evaluationId, takenAt: at, measure: text } }) as const;
const close = (at = '2020-05-01T09:00:00.000Z') => ({ type: 'CloseImprovementPlan', context, data: { evaluationId, closedAt: at } }) as const;

const evaluated: UnitEvaluated = { type: 'UnitEvaluated', occurredAt: evaluatedAt, data: { ...evaluation, shortfallAreas: ['training', 'equipment'] } };
const issued: ImprovementPlanIssued = { type: 'ImprovementPlanIssued', occurredAt: issuedAt, data: { evaluationId, unitId: 'BANBAT-2', issuedAt, areas: ['training'] } };
const taken: ImprovementMeasureTaken = { type: 'ImprovementMeasureTaken', occurredAt: takenAt, data: { evaluationId, takenAt, measure: 'night-driving course for two platoons' } };
const closed: ImprovementPlanClosed = { type: 'ImprovementPlanClosed', occurredAt: '2020-05-01T09:00:00.000Z', data: { evaluationId, closedAt: '2020-05-01T09:00:00.000Z' } };

describe('evaluation decider', () => {
  it('names its stream evaluation-<id>', () => expect(evaluationStreamId(evaluationId)).toBe('evaluation-e1'));

  describe('EvaluateUnit', () => {
    it('records an evaluation with its shortfall areas', () => spec.given([]).when(evaluate()).then([evaluated]));

    it('records a satisfactory evaluation with no areas (an empty list, not a missing one)', () =>
      spec.given([]).when(evaluate({ rating: 'satisfactory', shortfallAreas: undefined })).then((events) => expect(events[0]!.data).toMatchObject({ rating: 'satisfactory', shortfallAreas: [] })));

    it('records needs-improvement overall, without areas', () =>
      spec.given([]).when(evaluate({ rating: 'needs-improvement', shortfallAreas: [] })).then((events) => expect(events).toHaveLength(1)));

    it('needs a rating', () => spec.given([]).when(evaluate({ rating: undefined as never })).thenThrows('invalid', /rating must be one of/));

    it('refuses a rating it does not know', () => spec.given([]).when(evaluate({ rating: 'good' as never })).thenThrows('invalid', /rating/));

    it.each(['excellent', 'satisfactory'] as const)('refuses shortfall areas with a rating of %s', (rating) =>
      spec.given([]).when(evaluate({ rating })).thenThrows('invalid', /shortfallAreas go only with a rating below satisfactory/));

    it('refuses a rating of shortfalls that names none', () =>
      spec.given([]).when(evaluate({ shortfallAreas: [] })).thenThrows('invalid', /at least one shortfall area/));

    it('refuses an area twice or one it does not know', () => {
      spec.given([]).when(evaluate({ shortfallAreas: ['training', 'training'] })).thenThrows('invalid', /twice/);
      spec.given([]).when(evaluate({ shortfallAreas: ['morale' as never] })).thenThrows('invalid', /unknown shortfall area morale/);
    });

    it('refuses an unknown kind of unit', () => spec.given([]).when(evaluate({ unitKind: 'navy' as never })).thenThrows('invalid', /unitKind/));

    it('refuses a period that ends before it starts, or a day that does not exist', () => {
      spec.given([]).when(evaluate({ period: { from: '2020-03-01', to: '2020-02-01' } })).thenThrows('invalid', /period.to/);
      spec.given([]).when(evaluate({ period: { from: '2020-02-30', to: '2020-03-31' } })).thenThrows('invalid', /period.from must be a day/);
    });

    it('evaluates a formed police unit over one calendar quarter, and nothing else', () => {
      spec.given([]).when(evaluate({ unitKind: 'formed-police', rating: 'satisfactory', shortfallAreas: [] })).then((events) => expect(events).toHaveLength(1));
      spec
        .given([])
        .when(evaluate({ unitKind: 'formed-police', rating: 'satisfactory', shortfallAreas: [], period: { from: '2020-01-01', to: '2020-06-30' } }))
        .thenThrows('invalid', /quarterly/);
    });

    it('refuses an evaluation in the future, or before its period begins', () => {
      spec.given([]).when(evaluate({ evaluatedAt: '2020-05-21T00:00:00.000Z' })).thenThrows('invalid', /evaluatedAt.*future/);
      spec.given([]).when(evaluate({ evaluatedAt: '2019-12-31T00:00:00.000Z' })).thenThrows('invalid', /evaluatedAt.*before the start of the period/);
    });

    it('refuses to record an evaluation twice', () => spec.given([evaluated]).when(evaluate()).thenThrows('conflict', /already recorded/));
  });

  describe('IssueImprovementPlan', () => {
    it("issues a plan to the evaluated unit (the evaluation's unit)", () => spec.given([evaluated]).when(issue(issuedAt, ['training'])).then([issued]));

    it('issues a plan after a satisfactory evaluation too', () =>
      spec.given([{ ...evaluated, data: { ...evaluated.data, rating: 'satisfactory', shortfallAreas: [] } }]).when(issue()).then([{ ...issued, data: { ...issued.data, areas: [] } }]));

    it('refuses a plan for an evaluation that does not exist', () => spec.given([]).when(issue()).thenThrows('not-found', /evaluation e1/));

    it('refuses a second plan', () => spec.given([evaluated, issued]).when(issue()).thenThrows('conflict', /already has an improvement plan/));

    it('refuses a plan before the evaluation or in the future', () => {
      spec.given([evaluated]).when(issue('2020-03-14T00:00:00.000Z')).thenThrows('invalid', /issuedAt.*before the evaluation/);
      spec.given([evaluated]).when(issue('2020-06-01T00:00:00.000Z')).thenThrows('invalid', /issuedAt.*future/);
    });

    it('refuses an unknown area', () => spec.given([evaluated]).when(issue(issuedAt, ['morale' as never])).thenThrows('invalid', /areas/));
  });

  describe('RecordImprovementMeasure', () => {
    it('records a measure taken', () => spec.given([evaluated, issued]).when(measure()).then([taken]));

    it('refuses a measure without a plan', () => spec.given([evaluated]).when(measure()).thenThrows('conflict', /no improvement plan/));

    it('refuses a measure for an evaluation that does not exist', () => spec.given([]).when(measure()).thenThrows('not-found', /evaluation e1/));

    it('a closed plan takes no more measures', () => spec.given([evaluated, issued, taken, closed]).when(measure('2020-05-02T00:00:00.000Z')).thenThrows('conflict', /is closed/));

    it('refuses a measure before the latest entry, an empty one, or one in the future', () => {
      spec.given([evaluated, issued, taken]).when(measure('2020-04-01T00:00:00.000Z')).thenThrows('invalid', /takenAt.*latest entry/);
      spec.given([evaluated, issued]).when(measure(takenAt, '  ')).thenThrows('invalid', /measure must not be empty/);
      spec.given([evaluated, issued]).when(measure('2020-06-01T00:00:00.000Z')).thenThrows('invalid', /takenAt.*future/);
    });
  });

  describe('CloseImprovementPlan', () => {
    it('closes a plan', () => spec.given([evaluated, issued, taken]).when(close()).then([closed]));

    it('refuses to close twice, or a plan never issued', () => {
      spec.given([evaluated, issued, closed]).when(close()).thenThrows('conflict', /is closed/);
      spec.given([evaluated]).when(close()).thenThrows('conflict', /no improvement plan/);
    });

    it('refuses to close before the latest measure', () =>
      spec.given([evaluated, issued, taken]).when(close('2020-04-01T00:00:00.000Z')).thenThrows('invalid', /closedAt.*latest entry/));
  });
});
