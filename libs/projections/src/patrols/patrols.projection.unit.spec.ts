import { ProjectionSpecification, EventLog, PLACES, area, at } from '@poc/projections/testing';
import { patrolsProjection, type PatrolStopView, type PatrolView } from './patrols.projection';

const spec = ProjectionSpecification.for(patrolsProjection);

const startedAt = '2020-03-01T06:00:00.000Z';
const endedAt = '2020-03-03T15:00:00.000Z';
const patrolArea = area(PLACES.ogossagou, 15);

const stop = (point: { lat: number; lon: number }, arrivedAt: string, departedAt: string, overnight = true): PatrolStopView => ({
  location: at(point),
  arrivedAt,
  departedAt,
  overnight,
});
const atKoro = stop(PLACES.koro, '2020-03-01T12:00:00.000Z', '2020-03-02T07:00:00.000Z');
const atBankass = stop(PLACES.bankass, '2020-03-02T12:00:00.000Z', '2020-03-03T07:00:00.000Z');

const deployedView: PatrolView = {
  patrolId: 'p1',
  status: 'deployed',
  operation: 'Buffalo',
  unit: 'BANBAT-1',
  kind: 'long-range',
  startedAt,
  area: patrolArea,
  stops: [],
  alertIds: ['a1'],
};

const deploy = (log: EventLog, stops: PatrolStopView[] = []) =>
  log.patrolDeployed('p1', { operation: 'Buffalo', unit: 'BANBAT-1', kind: 'long-range', startedAt, area: patrolArea, stops, alertIds: ['a1'] });

describe('patrols projection', () => {
  it('PatrolDeployed: a deployed patrol with its area and alerts', () => {
    const log = new EventLog();
    spec.given([]).when(deploy(log)).then({ p1: deployedView });
  });

  it('PatrolDeployed without alertIds gives an empty list', () => {
    const log = new EventLog();
    const event = log.record('patrol-p2', 'PatrolDeployed', {
      patrolId: 'p2',
      operation: 'Buffalo',
      unit: 'BANBAT-1',
      startedAt,
      area: patrolArea,
      stops: [],
    });
    spec
      .given([])
      .when(event)
      .then((docs) => expect(docs.get('p2')!.alertIds).toEqual([]));
  });

  it('deployed → completed: status, end, and the stops given at completion', () => {
    const log = new EventLog();
    spec
      .given([deploy(log)])
      .when(log.patrolCompleted('p1', { endedAt, stops: [atKoro, atBankass] }))
      .then({ p1: { ...deployedView, status: 'completed', endedAt, stops: [atKoro, atBankass] } });
  });

  it('stops given at deployment are kept at completion', () => {
    const log = new EventLog();
    spec
      .given([deploy(log, [atKoro])])
      .when(log.patrolCompleted('p1', { endedAt, stops: [] }))
      .then({ p1: { ...deployedView, status: 'completed', endedAt, stops: [atKoro] } });
  });

  it('stops of deployment and completion are merged, in that order', () => {
    const log = new EventLog();
    spec
      .given([deploy(log, [atKoro])])
      .when(log.patrolCompleted('p1', { endedAt, stops: [atBankass] }))
      .then((docs) => expect(docs.get('p1')!.stops).toEqual([atKoro, atBankass]));
  });

  it('columns: ended_at is null until completion', () => {
    const log = new EventLog();
    spec
      .given([])
      .when(deploy(log))
      .thenColumns({
        p1: { status: 'deployed', operation: 'Buffalo', unit: 'BANBAT-1', started_at: startedAt, ended_at: null, h3: patrolArea.h3 },
      });
    spec
      .given([deploy(log)])
      .when(log.patrolCompleted('p1', { endedAt }))
      .thenColumns({
        p1: { status: 'completed', operation: 'Buffalo', unit: 'BANBAT-1', started_at: startedAt, ended_at: endedAt, h3: patrolArea.h3 },
      });
  });

  it('a completion of an unknown patrol creates nothing', () => {
    const log = new EventLog();
    spec.given([]).when(log.patrolCompleted('p9', { endedAt })).then({ p9: undefined });
  });
});
