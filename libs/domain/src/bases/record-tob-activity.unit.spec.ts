import { DeciderSpecification } from '@poc/domain/testing';
import { toLocation } from '../shared/location';
import type { OperatingBaseClosed, OperatingBaseEstablished, TobActivityRecorded } from './base.events';
import { baseDecider } from './base.decider';

const now = '2020-03-20T12:00:00.000Z';
const context = { now };
const baseId = 'b1';
const spec = DeciderSpecification.for(baseDecider);
const establishedAt = '2020-03-01T08:00:00.000Z';
const koro = { lat: 14.064, lon: -3.0754, precision: 2, place: 'Koro', cercle: 'Koro', region: 'Mopti' };

const established: OperatingBaseEstablished = {
  type: 'OperatingBaseEstablished',
  occurredAt: establishedAt,
  data: { baseId, establishedAt, location: toLocation(koro), name: 'TOB Koro' },
};
const closed: OperatingBaseClosed = { type: 'OperatingBaseClosed', occurredAt: '2020-03-10T00:00:00.000Z', data: { baseId, closedAt: '2020-03-10T00:00:00.000Z' } };
const mediation = { baseId, kind: 'mediation-mission', date: '2020-03-05T09:00:00.000Z', cercle: 'Koro' } as const;
const record = (data: Partial<TobActivityRecorded['data']> = {}) => ({ type: 'RecordTobActivity', context, data: { ...mediation, ...data } }) as const;
const recorded = (data: TobActivityRecorded['data'] = mediation): TobActivityRecorded => ({ type: 'TobActivityRecorded', occurredAt: data.date, data });

describe('base decider: RecordTobActivity', () => {
  it('records what the base enabled, where and when', () => spec.given([established]).when(record()).then([recorded()]));

  it('keeps a note when one is given', () =>
    spec
      .given([established])
      .when(record({ kind: 'human-rights-investigation', note: 'Sobane-Da', cercle: 'Bandiagara' }))
      .then([recorded({ ...mediation, kind: 'human-rights-investigation', note: 'Sobane-Da', cercle: 'Bandiagara' })]));

  it('records each activity, also several alike (four mediation missions are four events)', () =>
    spec.given([established, recorded()]).when(record()).then([recorded()]));

  it('records an activity dated after the closing: what the TOB opened can end after it left', () =>
    spec.given([established, closed]).when(record({ date: '2020-03-15T00:00:00.000Z' })).then([recorded({ ...mediation, date: '2020-03-15T00:00:00.000Z' })]));

  it('refuses an unknown base', () => spec.given([]).when(record()).thenThrows('not-found', /base b1/));

  it('refuses an activity before the base was established', () =>
    spec.given([established]).when(record({ date: '2020-02-28T00:00:00.000Z' })).thenThrows('invalid', /date.*before the base was established/));

  it('refuses an activity in the future', () =>
    spec.given([established]).when(record({ date: '2020-03-25T00:00:00.000Z' })).thenThrows('invalid', /date.*future/));

  it('refuses a blank cercle', () => spec.given([established]).when(record({ cercle: '  ' })).thenThrows('invalid', /cercle/));
});
