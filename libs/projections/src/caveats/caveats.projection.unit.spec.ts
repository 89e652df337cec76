import { caveatStreamId, type CaveatRaised, type CaveatSettled } from '@poc/domain';
import { EventLog, ProjectionSpecification } from '@poc/projections/testing';
import { caveatsProjection, type CaveatView } from './caveats.projection';

const spec = ProjectionSpecification.for(caveatsProjection);

const raisedAt = '2020-03-02T08:00:00.000Z';
const raisedData: CaveatRaised['data'] = {
  caveatId: 'k1',
  contingent: 'Contingent A',
  unit: 'Convoy escort company 2',
  kind: 'condition',
  declared: true,
  order: 'FRAGO 12/2020: open the new supply route',
  condition: 'night air surveillance of the route',
  raisedAt,
};
const settledData: CaveatSettled['data'] = { caveatId: 'k1', settledAt: '2020-03-04T18:00:00.000Z', outcome: 'condition-met', settlement: 'a UAV flight each night' };

const raise = (log: EventLog, data: Partial<CaveatRaised['data']> = {}) =>
  log.record(caveatStreamId(data.caveatId ?? 'k1'), 'CaveatRaised', { ...raisedData, ...data }, { occurredAt: raisedAt });
const settle = (log: EventLog, caveatId = 'k1') =>
  log.record(caveatStreamId(caveatId), 'CaveatSettled', { ...settledData, caveatId }, { occurredAt: settledData.settledAt });

const openView: CaveatView = { ...raisedData, recordedAt: raisedAt, status: 'open' };

describe('caveats projection', () => {
  it('CaveatRaised: an open caveat with everything it says', () => {
    const log = new EventLog();
    spec.given([]).when(raise(log)).then({ k1: openView });
  });

  it('CaveatSettled: settled, with how', () => {
    const log = new EventLog();
    spec
      .given([raise(log)])
      .when(settle(log))
      .then({ k1: { ...openView, status: 'settled', settled: { settledAt: settledData.settledAt, outcome: 'condition-met', settlement: 'a UAV flight each night', recordedAt: settledData.settledAt } } });
  });

  it('a settlement of an unknown caveat creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when(settle(log, 'k9')).then({ k9: undefined });
  });

  it('columns: raised time, contingent, kind, declared as 1/0, status', () => {
    const log = new EventLog();
    spec.given([]).when(raise(log, { declared: false, kind: 'refusal' })).thenColumns({ k1: { raised_at: raisedAt, contingent: 'Contingent A', kind: 'refusal', declared: 0, status: 'open' } });
  });
});
