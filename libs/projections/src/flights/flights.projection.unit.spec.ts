import { ProjectionSpecification, EventLog, PLACES, area } from '@poc/projections/testing';
import { flightsProjection, type FlightView } from './flights.projection';

const spec = ProjectionSpecification.for(flightsProjection);

const dispatchedAt = '2020-03-05T06:00:00.000Z';
const target = area(PLACES.koro, 5);

const dispatchedView: FlightView = {
  flightId: 'f1',
  status: 'dispatched',
  dispatchedAt,
  target,
  alertIds: ['a1', 'a2'],
  aircraft: 'Mi-35',
  unit: 'HELI-1',
  passes: [],
  purpose: 'rapid-response',
  takeOffAt: dispatchedAt,
};

const dispatch = (log: EventLog) => log.flightDispatched('f1', { dispatchedAt, target, alertIds: ['a1', 'a2'], aircraft: 'Mi-35', unit: 'HELI-1' });

describe('flights projection', () => {
  it('FlightDispatched: a dispatched flight with no passes yet', () => {
    const log = new EventLog();
    spec.given([]).when(dispatch(log)).then({ f1: dispatchedView });
  });

  it('DeterrentPassFlown: each pass over the target is kept, in order', () => {
    const log = new EventLog();
    const first = { from: '2020-03-05T06:40:00.000Z', to: '2020-03-05T06:55:00.000Z' };
    const second = { from: '2020-03-05T07:10:00.000Z', to: '2020-03-05T07:20:00.000Z' };
    spec
      .given([dispatch(log), log.deterrentPassFlown('f1', first.from, first.to)])
      .when(log.deterrentPassFlown('f1', second.from, second.to))
      .then({ f1: { ...dispatchedView, passes: [first, second] } });
  });

  it('FlightCompleted: completed, with its outcome', () => {
    const log = new EventLog();
    const pass = { from: '2020-03-05T06:40:00.000Z', to: '2020-03-05T06:55:00.000Z' };
    spec
      .given([dispatch(log), log.deterrentPassFlown('f1', pass.from, pass.to)])
      .when(log.flightCompleted('f1', { completedAt: '2020-03-05T08:00:00.000Z', outcome: 'dispersal-observed' }))
      .then({ f1: { ...dispatchedView, passes: [pass], status: 'completed', completedAt: '2020-03-05T08:00:00.000Z', outcome: 'dispersal-observed', flightHours: 2 } });
  });

  it('FlightCompleted without an outcome leaves it out', () => {
    const log = new EventLog();
    spec
      .given([dispatch(log)])
      .when(log.flightCompleted('f1', { completedAt: '2020-03-05T08:00:00.000Z' }))
      .then((docs) => {
        expect(docs.get('f1')!.status).toBe('completed');
        expect(docs.get('f1')).not.toHaveProperty('outcome');
      });
  });

  it('FlightAborted: aborted, its end time and outcome set', () => {
    const log = new EventLog();
    spec
      .given([dispatch(log)])
      .when(log.flightAborted('f1', '2020-03-05T06:20:00.000Z'))
      .then({ f1: { ...dispatchedView, status: 'aborted', completedAt: '2020-03-05T06:20:00.000Z', outcome: 'aborted', flightHours: 1 / 3 } });
  });

  it('the purpose and take-off time as dispatched; flight hours from take-off, not from dispatch', () => {
    const log = new EventLog();
    const takeOffAt = '2020-03-05T06:30:00.000Z';
    spec
      .given([log.flightDispatched('f2', { dispatchedAt, takeOffAt, purpose: 'casualty-evacuation', target })])
      .when(log.flightCompleted('f2', { completedAt: '2020-03-05T08:00:00.000Z' }))
      .then((docs) => expect(docs.get('f2')).toMatchObject({ purpose: 'casualty-evacuation', takeOffAt, flightHours: 1.5 }));
  });

  it('columns: status, dispatch time, target cell, take-off time and purpose', () => {
    const log = new EventLog();
    spec
      .given([dispatch(log)])
      .when(log.flightAborted('f1', '2020-03-05T06:20:00.000Z'))
      .thenColumns({ f1: { status: 'aborted', dispatched_at: dispatchedAt, h3: target.h3, take_off_at: dispatchedAt, purpose: 'rapid-response' } });
  });

  it('events of an unknown flight create nothing', () => {
    const log = new EventLog();
    spec
      .given([])
      .when([log.deterrentPassFlown('f9', dispatchedAt, dispatchedAt), log.flightCompleted('f9'), log.flightAborted('f9')])
      .then({ f9: undefined });
  });
});
