import { evaluationStreamId, type UnitEvaluated } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { evaluationsProjection, type EvaluationView } from './evaluations.projection';

const spec = ProjectionSpecification.for(evaluationsProjection);

const evaluatedAt = '2020-03-15T09:00:00.000Z';
const evaluation: UnitEvaluated['data'] = {
  evaluationId: 'e1',
  unitId: 'BANBAT-2',
  unitKind: 'military',
  period: { from: '2020-01-01', to: '2020-03-31' },
  evaluatedAt,
  rating: 'shortfalls',
  shortfallAreas: ['training', 'equipment'],
  contingent: 'Bangladesh',
};
const stream = evaluationStreamId('e1');
const evaluate = (log: EventLog, evaluationId = 'e1') =>
  log.record(evaluationStreamId(evaluationId), 'UnitEvaluated', { ...evaluation, evaluationId }, { occurredAt: evaluatedAt });
const issue = (log: EventLog, evaluationId = 'e1') =>
  log.record(evaluationStreamId(evaluationId), 'ImprovementPlanIssued', { evaluationId, unitId: 'BANBAT-2', issuedAt: '2020-03-20T09:00:00.000Z', areas: ['training'], note: 'by the end of May' }, { occurredAt: '2020-03-20T09:00:00.000Z', recordedAt: '2020-03-21T10:00:00.000Z' });
const measure = (log: EventLog, takenAt: string, text: string) => log.record(stream, 'ImprovementMeasureTaken', { evaluationId: 'e1', takenAt, measure: text }, { occurredAt: takenAt });
const close = (log: EventLog) => log.record(stream, 'ImprovementPlanClosed', { evaluationId: 'e1', closedAt: '2020-05-01T09:00:00.000Z', note: 'all measures done' }, { occurredAt: '2020-05-01T09:00:00.000Z' });

const view: EvaluationView = { ...evaluation, recordedAt: evaluatedAt };
// Recorded the day after it was issued: the view keeps both times.
const plan = { status: 'open', issuedAt: '2020-03-20T09:00:00.000Z', recordedAt: '2020-03-21T10:00:00.000Z', areas: ['training'], note: 'by the end of May', measures: [] } as const;

describe('evaluations projection', () => {
  it('UnitEvaluated: the evaluation as recorded, no plan', () => {
    const log = new EventLog();
    spec.given([]).when(evaluate(log)).then({ e1: view });
  });

  it('ImprovementPlanIssued: an open plan on the evaluation', () => {
    const log = new EventLog();
    spec.given([evaluate(log)]).when(issue(log)).then({ e1: { ...view, plan } });
  });

  it('ImprovementMeasureTaken: measures kept in the order taken', () => {
    const log = new EventLog();
    spec
      .given([evaluate(log), issue(log)])
      .when([measure(log, '2020-04-01T09:00:00.000Z', 'driving course'), measure(log, '2020-04-10T09:00:00.000Z', 'radios replaced')])
      .then({
        e1: {
          ...view,
          plan: {
            ...plan,
            measures: [
              { takenAt: '2020-04-01T09:00:00.000Z', measure: 'driving course', recordedAt: '2020-04-01T09:00:00.000Z' },
              { takenAt: '2020-04-10T09:00:00.000Z', measure: 'radios replaced', recordedAt: '2020-04-10T09:00:00.000Z' },
            ],
          },
        },
      });
  });

  it('ImprovementPlanClosed: closed, with its closing note', () => {
    const log = new EventLog();
    spec
      .given([evaluate(log), issue(log)])
      .when(close(log))
      .then({ e1: { ...view, plan: { ...plan, status: 'closed', closing: { closedAt: '2020-05-01T09:00:00.000Z', recordedAt: '2020-05-01T09:00:00.000Z', note: 'all measures done' } } } });
  });

  it('a plan, measure or closing with no evaluation (or no plan) creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when(issue(log, 'e9')).then({ e9: undefined });
    const other = new EventLog();
    spec.given([evaluate(other)]).when([measure(other, '2020-04-01T09:00:00.000Z', 'x'), close(other)]).then({ e1: view });
  });

  it('columns: unit, kind, rating, time, plan status (none, open, closed)', () => {
    const log = new EventLog();
    const row = { unit_id: 'BANBAT-2', unit_kind: 'military', rating: 'shortfalls', evaluated_at: evaluatedAt };
    spec.given([]).when(evaluate(log)).thenColumns({ e1: { ...row, plan_status: 'none' } });
    const again = new EventLog();
    spec.given([evaluate(again)]).when(issue(again)).thenColumns({ e1: { ...row, plan_status: 'open' } });
  });
});
