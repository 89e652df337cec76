import { offsetKm } from '@poc/projections/testing';
import { METHODOLOGY_VERSION } from './methodology';
import { computePatrolDeterrence } from './patrol-result';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';

const KORO = { lat: 14.064, lon: -3.0754 };
const stops = [
  episode('patrol-p1-0', OGOSSAGOU, noon('2020-03-01'), noon('2020-03-02'), { sourceId: 'p1' }),
  episode('patrol-p1-1', KORO, noon('2020-03-02'), noon('2020-03-03'), { sourceId: 'p1' }),
];
// A base with the same id is another source.
const base = episode('base-p1', offsetKm(KORO, 0, 40), noon('2020-03-01'), noon('2020-03-03'), { kind: 'base', sourceId: 'p1' });

describe('computePatrolDeterrence (GET /patrols/{id}/deterrence)', () => {
  const result = computePatrolDeterrence({
    patrolId: 'p1',
    episodes: [...stops, base],
    incidents: [incident('near-first', offsetKm(OGOSSAGOU, 0, 3), noon('2020-03-04')), incident('near-second', offsetKm(KORO, 0, 3), noon('2020-03-04')), incident('before', KORO, noon('2020-02-20'))],
    asOf: '2020-03-10T00:00:00.000Z',
    reportingLagDays: 2,
  });

  it('given a patrol with two stops, then its days sum the stops’ episode-days: day 1 of the second is day 2 of the first', () => {
    expect(result.days.slice(0, 3)).toEqual([
      { day: 1, count: 1, atRisk: 2, countWithoutOwnUnit: 1, provisional: false },
      { day: 2, count: 1, atRisk: 2, countWithoutOwnUnit: 1, provisional: false },
      { day: 3, count: 0, atRisk: 2, countWithoutOwnUnit: 0, provisional: false },
    ]);
    expect(result.days[8]).toMatchObject({ day: 9, atRisk: 0 });
  });

  it('keeps the API’s fields (patrolId, radiusKm, baseline {days, count}, days) and the version', () => {
    expect(result).toMatchObject({ methodologyVersion: METHODOLOGY_VERSION, patrolId: 'p1', radiusKm: 10, baseline: { days: 56, count: 1 } });
  });

  it('lists its episodes, not the base that shares its id', () => {
    expect(result.episodes.map((e) => e.episodeId)).toEqual(['patrol-p1-0', 'patrol-p1-1']);
  });
});
