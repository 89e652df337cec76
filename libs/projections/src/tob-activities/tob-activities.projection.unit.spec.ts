import type { TobActivityRecorded } from '@poc/domain';
import { EventLog, ProjectionSpecification, foldInBatches } from '@poc/projections/testing';
import { tobActivitiesProjection, type TobActivityView } from './tob-activities.projection';
import { tobActivitiesSummary } from './tob-activities-summary';

const spec = ProjectionSpecification.for(tobActivitiesProjection);

const activity = (log: EventLog, baseId: string, data: Partial<TobActivityRecorded['data']> = {}) => {
  const full: TobActivityRecorded['data'] = { baseId, kind: 'mediation-mission', date: '2020-03-05T09:00:00.000Z', cercle: 'Koro', ...data };
  return log.record<'TobActivityRecorded', TobActivityRecorded['data']>(`base-${baseId}`, 'TobActivityRecorded', full, { occurredAt: full.date });
};

describe('TOB activities projection', () => {
  it('keeps each activity under <baseId>:<version>, its place in the base stream', () => {
    const log = new EventLog();
    const history = [log.baseEstablished('b1', { establishedAt: '2020-03-01T00:00:00.000Z' })];
    spec
      .given(history)
      .when(activity(log, 'b1', { note: 'with the Dogon and Fulani chiefs' }))
      .then({
        'b1:2': { activityId: 'b1:2', baseId: 'b1', kind: 'mediation-mission', date: '2020-03-05T09:00:00.000Z', cercle: 'Koro', note: 'with the Dogon and Fulani chiefs' },
      });
  });

  it('has base, kind, date and cercle as columns, and no note when none was given', () => {
    const log = new EventLog();
    log.baseEstablished('b1');
    spec
      .given(log.events)
      .when(activity(log, 'b1', { kind: 'humanitarian-access', cercle: 'Bankass' }))
      .then((docs) => {
        expect(docs.get('b1:2')).not.toHaveProperty('note');
        expect(tobActivitiesProjection.columnsOf(docs.get('b1:2')!)).toEqual({ base_id: 'b1', kind: 'humanitarian-access', date: '2020-03-05T09:00:00.000Z', cercle: 'Bankass' });
      });
  });

  it('ignores the establishment and closing of bases (the bases model has them)', () => {
    const log = new EventLog();
    spec.given([]).when([log.baseEstablished('b1'), log.baseClosed('b1')]).then({});
  });
});

describe('tobActivitiesSummary', () => {
  /**
   * By hand, March 2020: b1 (Koro) 3 mediation missions in Koro + 1 in Koro from b2, 1
   * humanitarian access in Bankass (b2); 1 mediation in Koro on 1 April (outside the range).
   * Ids are <base>:<stream version> (the establishment is version 1).
   * → 5 activities; mediation 4 (Koro 4, from b1 and b2), humanitarian access 1, HR investigations 0.
   */
  const docs = (): TobActivityView[] => {
    const log = new EventLog();
    log.baseEstablished('b1', { establishedAt: '2020-03-01T00:00:00.000Z' });
    log.baseEstablished('b2', { establishedAt: '2020-03-01T00:00:00.000Z' });
    activity(log, 'b1', { date: '2020-03-03T00:00:00.000Z' });
    activity(log, 'b2', { kind: 'humanitarian-access', cercle: 'Bankass', date: '2020-03-04T00:00:00.000Z' });
    activity(log, 'b1', { date: '2020-03-10T00:00:00.000Z' });
    activity(log, 'b2', { date: '2020-03-12T00:00:00.000Z' });
    activity(log, 'b1', { date: '2020-03-31T23:59:59.999Z' });
    activity(log, 'b1', { date: '2020-04-01T00:00:00.000Z' });
    return [...foldInBatches([tobActivitiesProjection], log.events).get('tob-activities')!.values()] as TobActivityView[];
  };
  const MARCH = { from: '2020-03-01T00:00:00.000Z', to: '2020-03-31T23:59:59.999Z' };

  it('counts by kind (every kind, 0 included) and by kind and cercle, with the ids', () => {
    expect(tobActivitiesSummary(docs(), MARCH)).toEqual({
      from: MARCH.from,
      to: MARCH.to,
      activities: 5,
      byKind: [
        { kind: 'mediation-mission', activities: 4, activityIds: ['b1:2', 'b1:3', 'b2:3', 'b1:4'], baseIds: ['b1', 'b2'] },
        { kind: 'humanitarian-access', activities: 1, activityIds: ['b2:2'], baseIds: ['b2'] },
        { kind: 'human-rights-investigation', activities: 0, activityIds: [], baseIds: [] },
      ],
      byKindAndCercle: [
        { kind: 'mediation-mission', cercle: 'Koro', activities: 4, activityIds: ['b1:2', 'b1:3', 'b2:3', 'b1:4'], baseIds: ['b1', 'b2'] },
        { kind: 'humanitarian-access', cercle: 'Bankass', activities: 1, activityIds: ['b2:2'], baseIds: ['b2'] },
      ],
    });
  });

  it('takes every activity without a range, and answers zeros for none', () => {
    expect(tobActivitiesSummary(docs())).toMatchObject({ from: null, to: null, activities: 6 });
    expect(tobActivitiesSummary([], MARCH)).toMatchObject({ activities: 0, byKindAndCercle: [] });
    expect(tobActivitiesSummary([], MARCH).byKind.map((k) => k.activities)).toEqual([0, 0, 0]);
  });
});
