import { DeciderSpecification } from '@poc/domain/testing';
import { toArea } from '../shared/location';
import type { FlightAborted, FlightCompleted, FlightDispatched, FlightOutcome, FlightPurpose } from './flight.events';
import { flightDispatchedV1toV2 } from './flight-dispatched.upcasters';
import { flightDecider, flightStreamId } from './flight.decider';

const now = '2020-03-05T10:00:00.000Z';
const context = { now };
const flightId = 'f1';
const spec = DeciderSpecification.for(flightDecider);
// Koro: an alert of an attack on a village nearby.
const koro = { lat: 14.064, lon: -3.0754, radiusKm: 5 };
const dispatchedAt = '2020-03-05T06:00:00.000Z';

const dispatched: FlightDispatched = {
  type: 'FlightDispatched',
  occurredAt: dispatchedAt,
  data: { flightId, dispatchedAt, target: toArea(koro), alertIds: ['a1'], aircraft: 'Mi-35', unit: 'HELI-1', purpose: 'rapid-response', takeOffAt: dispatchedAt },
};
const completed: FlightCompleted = {
  type: 'FlightCompleted',
  occurredAt: '2020-03-05T08:00:00.000Z',
  data: { flightId, completedAt: '2020-03-05T08:00:00.000Z' },
};
const aborted: FlightAborted = {
  type: 'FlightAborted',
  occurredAt: '2020-03-05T07:00:00.000Z',
  data: { flightId, abortedAt: '2020-03-05T07:00:00.000Z' },
};

describe('flight decider', () => {
  it('names its stream flight-<id>', () => expect(flightStreamId(flightId)).toBe('flight-f1'));

  describe('DispatchFlight', () => {
    type Extra = { alertIds?: string[]; aircraft?: string; unit?: string; purpose?: FlightPurpose; takeOffAt?: string };
    const dispatch = (at: string, extra: Extra = {}) =>
      ({ type: 'DispatchFlight', context, data: { flightId, dispatchedAt: at, target: koro, ...extra } }) as const;

    it('records a dispatch with its target area', () =>
      spec
        .given([])
        .when(dispatch(dispatchedAt, { alertIds: ['a1'], aircraft: 'Mi-35', unit: 'HELI-1' }))
        .then([dispatched]));

    it('defaults to no alerts', () =>
      spec
        .given([])
        .when(dispatch(dispatchedAt))
        .then([{ ...dispatched, data: { flightId, dispatchedAt, target: toArea(koro), alertIds: [], purpose: 'rapid-response', takeOffAt: dispatchedAt } }]));

    it('records the purpose and the take-off time given', () =>
      spec
        .given([])
        .when(dispatch(dispatchedAt, { purpose: 'casualty-evacuation', takeOffAt: '2020-03-05T06:20:00.000Z' }))
        .then([{ ...dispatched, data: { flightId, dispatchedAt, target: toArea(koro), alertIds: [], purpose: 'casualty-evacuation', takeOffAt: '2020-03-05T06:20:00.000Z' } }]));

    it('refuses a purpose outside the list, naming the field', () =>
      spec
        .given([])
        .when(dispatch(dispatchedAt, { purpose: 'sightseeing' as FlightPurpose }))
        .thenThrows('invalid', /purpose must be one of casualty-evacuation/));

    it('refuses a take-off before the dispatch', () =>
      spec.given([]).when(dispatch(dispatchedAt, { takeOffAt: '2020-03-05T05:00:00.000Z' })).thenThrows('invalid', /takeOffAt.*before dispatchedAt/));

    it('refuses a take-off in the future', () =>
      spec.given([]).when(dispatch(dispatchedAt, { takeOffAt: '2020-03-05T12:00:00.000Z' })).thenThrows('invalid', /takeOffAt.*future/));

    it('refuses a flight dispatched twice', () =>
      spec.given([dispatched]).when(dispatch(dispatchedAt)).thenThrows('conflict', /already dispatched/));

    it('refuses a dispatch in the future', () =>
      spec.given([]).when(dispatch('2020-03-05T12:00:00.000Z')).thenThrows('invalid', /dispatchedAt.*future/));

    it('refuses a target radius of zero', () =>
      spec
        .given([])
        .when({ ...dispatch(dispatchedAt), data: { ...dispatch(dispatchedAt).data, target: { ...koro, radiusKm: 0 } } })
        .thenThrows('invalid', /radiusKm/));
  });

  describe('CompleteFlight', () => {
    type Data = { completedAt?: string; overTargetFrom?: string; overTargetTo?: string; outcome?: FlightOutcome };
    const complete = (data: Data = {}) =>
      ({ type: 'CompleteFlight', context, data: { flightId, completedAt: '2020-03-05T08:00:00.000Z', ...data } }) as const;
    const overKoro = { overTargetFrom: '2020-03-05T06:40:00.000Z', overTargetTo: '2020-03-05T07:10:00.000Z' };

    it('completes a flight', () => spec.given([dispatched]).when(complete()).then([completed]));

    it('records the pass over the target before the completion', () =>
      spec
        .given([dispatched])
        .when(complete({ ...overKoro, outcome: 'dispersal-observed' }))
        .then([
          {
            type: 'DeterrentPassFlown',
            occurredAt: overKoro.overTargetFrom,
            data: { flightId, from: overKoro.overTargetFrom, to: overKoro.overTargetTo, target: toArea(koro) },
          },
          { ...completed, data: { ...completed.data, ...overKoro, outcome: 'dispersal-observed' } },
        ]));

    it('records an aborted flight as FlightAborted', () =>
      spec
        .given([dispatched])
        .when(complete({ completedAt: '2020-03-05T07:00:00.000Z', outcome: 'aborted' }))
        .then([aborted]));

    it('keeps the pass of an aborted flight: it was seen over the target', () =>
      spec
        .given([dispatched])
        .when(complete({ ...overKoro, outcome: 'aborted' }))
        .then((events) => expect(events.map((e) => e.type)).toEqual(['DeterrentPassFlown', 'FlightAborted'])));

    it('refuses an unknown flight', () => spec.given([]).when(complete()).thenThrows('not-found'));

    it('refuses a completed flight', () =>
      spec.given([dispatched, completed]).when(complete()).thenThrows('conflict', /already completed/));

    it('refuses an aborted flight', () =>
      spec.given([dispatched, aborted]).when(complete()).thenThrows('conflict', /already aborted/));

    it('refuses a completion before dispatch', () =>
      spec
        .given([dispatched])
        .when(complete({ completedAt: '2020-03-05T05:00:00.000Z' }))
        .thenThrows('invalid', /flight completed before dispatch/));

    it('refuses a completion in the future', () =>
      spec
        .given([dispatched])
        .when(complete({ completedAt: '2020-03-05T11:00:00.000Z' }))
        .thenThrows('invalid', /completedAt.*future/));

    it('refuses a pass that ends before it starts', () =>
      spec
        .given([dispatched])
        .when(complete({ overTargetFrom: overKoro.overTargetTo, overTargetTo: overKoro.overTargetFrom }))
        .thenThrows('invalid', /overTargetTo.*before overTargetFrom/));

    it('refuses a pass before dispatch', () =>
      spec
        .given([dispatched])
        .when(complete({ ...overKoro, overTargetFrom: '2020-03-05T05:30:00.000Z' }))
        .thenThrows('invalid', /overTargetFrom.*dispatched/));

    it('refuses a pass after completion', () =>
      spec
        .given([dispatched])
        .when(complete({ ...overKoro, overTargetTo: '2020-03-05T08:30:00.000Z' }))
        .thenThrows('invalid', /overTargetTo.*after the flight completed/));

    it('refuses a completion before take-off', () =>
      spec
        .given([{ ...dispatched, data: { ...dispatched.data, takeOffAt: '2020-03-05T07:30:00.000Z' } }])
        .when(complete({ completedAt: '2020-03-05T07:00:00.000Z' }))
        .thenThrows('invalid', /flight completed before take-off/));

    it('completes a flight whose v1 dispatch went through the upcaster (take-off = dispatch)', () => {
      const { purpose: _p, takeOffAt: _t, ...v1 } = dispatched.data;
      const upcast: FlightDispatched = { ...dispatched, data: flightDispatchedV1toV2(v1) };
      return spec.given([upcast]).when(complete()).then([completed]);
    });

    it('refuses half a pass', () =>
      spec
        .given([dispatched])
        .when(complete({ overTargetFrom: overKoro.overTargetFrom }))
        .thenThrows('invalid', /overTargetTo is required/));
  });
});
