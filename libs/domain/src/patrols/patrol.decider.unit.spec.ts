import { DeciderSpecification } from '@poc/domain/testing';
import { DomainError } from '../shared/domain-error';
import { toArea, toLocation } from '../shared/location';
import type { StopInput } from './patrol-stops';
import type { PatrolCompleted, PatrolDeployed, PatrolStop } from './patrol.events';
import { patrolDecider, patrolStreamId } from './patrol.decider';

const now = '2020-03-20T12:00:00.000Z';
const context = { now };
const patrolId = 'p1';
const spec = DeciderSpecification.for(patrolDecider);
const startedAt = '2020-03-01T06:00:00.000Z';
const endedAt = '2020-03-06T18:00:00.000Z';
const area = { lat: 14.064, lon: -3.0754, radiusKm: 30 };

// A long-range patrol of operation Buffalo: a night at Koro, then a day at Bankass.
const koro: StopInput = {
  ...{ lat: 14.064, lon: -3.0754, place: 'Koro', cercle: 'Koro', region: 'Mopti' },
  ...{ arrivedAt: '2020-03-01T16:00:00.000Z', departedAt: '2020-03-02T07:00:00.000Z', overnight: true },
};
const bankass: StopInput = {
  ...{ lat: 14.0775, lon: -3.5159 },
  ...{ arrivedAt: '2020-03-03T09:00:00.000Z', departedAt: '2020-03-03T15:00:00.000Z' },
};
const at = (input: StopInput, times: { arrivedAt?: string; departedAt?: string }): StopInput => ({ ...input, ...times });
const stop = ({ lat, lon, place, cercle, region, arrivedAt, departedAt, overnight }: StopInput): PatrolStop => ({
  location: toLocation({ lat, lon, precision: 1, place, cercle, region }),
  ...{ arrivedAt, departedAt, overnight: overnight ?? false },
});

const patrol = { patrolId, operation: 'Buffalo', unit: 'LRRP-2', kind: 'long-range' };
const deployed = (stops: StopInput[] = []): PatrolDeployed => ({
  type: 'PatrolDeployed',
  occurredAt: startedAt,
  data: { ...patrol, startedAt, area: toArea(area), stops: stops.map(stop), alertIds: [] },
});
const completed: PatrolCompleted = { type: 'PatrolCompleted', occurredAt: endedAt, data: { patrolId, endedAt, stops: [] } };

const deploy = (stops?: StopInput[], startedAtGiven = startedAt) =>
  ({ type: 'DeployPatrol', context, data: { ...patrol, startedAt: startedAtGiven, area, stops } }) as const;
const complete = (stops?: StopInput[], endedAtGiven = endedAt) =>
  ({ type: 'CompletePatrol', context, data: { patrolId, endedAt: endedAtGiven, stops } }) as const;

describe('patrol decider', () => {
  it('names its stream patrol-<id>', () => expect(patrolStreamId(patrolId)).toBe('patrol-p1'));

  describe('DeployPatrol', () => {
    it('records a deployment with its stops in time order', () =>
      spec.given([]).when(deploy([bankass, koro])).then([deployed([koro, bankass])]));

    it('records a deployment without stops', () => spec.given([]).when(deploy()).then([deployed()]));

    it('links the alerts the patrol answers', () =>
      spec
        .given([])
        .when({ ...deploy(), data: { ...deploy().data, alertIds: ['a1', 'a2'] } })
        .then((events) => expect((events[0] as PatrolDeployed).data.alertIds).toEqual(['a1', 'a2'])));

    it('refuses to deploy twice', () => spec.given([deployed()]).when(deploy()).thenThrows('conflict', /already deployed/));

    it('refuses a start in the future', () =>
      spec.given([]).when(deploy([], '2020-03-21T00:00:00.000Z')).thenThrows('invalid', /startedAt.*future/));

    it('refuses a stop in the future', () =>
      spec
        .given([])
        .when(deploy([at(bankass, { departedAt: '2020-03-25T00:00:00.000Z' })]))
        .thenThrows('invalid', /stops\[0\]\.departedAt.*future/));

    it('refuses a stop that departs before it arrives, naming the field', () => {
      const late = at(bankass, { departedAt: '2020-03-03T08:00:00.000Z' });
      const message = /stops\[1\]\.departedAt.*before stops\[1\]\.arrivedAt/;
      spec.given([]).when(deploy([koro, late])).thenThrows('invalid', message);
      const refusal = (() => {
        try {
          patrolDecider.decide(deploy([koro, late]), patrolDecider.initialState());
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).field).toBe('stops[1].departedAt');
    });

    it('refuses a stop that arrives before the patrol started', () =>
      spec
        .given([])
        .when(deploy([at(koro, { arrivedAt: '2020-02-29T16:00:00.000Z' })]))
        .thenThrows('invalid', /stops\[0\]\.arrivedAt.*before the patrol started/));

    it('refuses overlapping stops', () =>
      spec
        .given([])
        .when(deploy([koro, at(bankass, { arrivedAt: '2020-03-02T06:00:00.000Z' })]))
        .thenThrows('invalid', /stops\[1\] arrives.*before stops\[0\] departed/));
  });

  describe('CompletePatrol', () => {
    it('completes a patrol whose stops were given at deployment', () =>
      spec.given([deployed([koro, bankass])]).when(complete()).then([completed]));

    it('records the stops given at completion', () =>
      spec
        .given([deployed()])
        .when(complete([koro, bankass]))
        .then([{ ...completed, data: { ...completed.data, stops: [koro, bankass].map(stop) } }]));

    it('refuses an unknown patrol', () => spec.given([]).when(complete()).thenThrows('not-found'));

    it('refuses to complete a patrol twice', () =>
      spec.given([deployed(), completed]).when(complete()).thenThrows('conflict', /already completed/));

    it('refuses an end before the start', () =>
      spec
        .given([deployed()])
        .when(complete([], '2020-02-28T00:00:00.000Z'))
        .thenThrows('invalid', /endedAt.*before the patrol started/));

    it('refuses an end in the future', () =>
      spec.given([deployed()]).when(complete([], '2020-03-21T00:00:00.000Z')).thenThrows('invalid', /endedAt.*future/));

    it('refuses stops given both at deployment and at completion', () =>
      spec
        .given([deployed([koro])])
        .when(complete([bankass]))
        .thenThrows('invalid', /stops were already given at deployment/));

    it('refuses a stop given at deployment that departs after the patrol ended', () =>
      spec
        .given([deployed([koro, bankass])])
        .when(complete([], '2020-03-03T12:00:00.000Z'))
        .thenThrows('invalid', /stops\[1\]\.departedAt.*after the patrol ended/));

    it('refuses a stop given at completion that departs after the patrol ended', () =>
      spec
        .given([deployed()])
        .when(complete([koro, bankass], '2020-03-03T12:00:00.000Z'))
        .thenThrows('invalid', /stops\[1\]\.departedAt.*after the patrol ended/));

    it('refuses a stop given at completion that arrives before the patrol started', () =>
      spec
        .given([deployed()])
        .when(complete([at(koro, { arrivedAt: '2020-02-29T16:00:00.000Z' })]))
        .thenThrows('invalid', /stops\[0\]\.arrivedAt.*before the patrol started/));

    it('refuses a stop given at completion that departs before it arrives', () =>
      spec
        .given([deployed()])
        .when(complete([at(koro, { departedAt: '2020-03-01T15:00:00.000Z' })]))
        .thenThrows('invalid', /stops\[0\]\.departedAt.*before stops\[0\]\.arrivedAt/));

    it('refuses overlapping stops given at completion, whatever their order', () =>
      spec
        .given([deployed()])
        .when(complete([at(bankass, { arrivedAt: '2020-03-02T06:00:00.000Z' }), koro]))
        .thenThrows('invalid', /stops\[0\] arrives.*before stops\[1\] departed/));
  });
});
