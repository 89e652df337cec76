import { dailyIncidentCounts, incidentsAfterKey, incidentsQuery } from './incidents.queries';

const ACTIVE = { column: 'status', op: '=', value: 'active' };

describe('incidentsQuery', () => {
  it('given no filter, then the active incidents: retracted ones are always left out', () => {
    expect(incidentsQuery({})).toEqual({ where: [ACTIVE] });
  });

  it('given every filter, then each narrows; civilian targeting as the 0/1 column, the box as lat then lon bounds', () => {
    const query = incidentsQuery({ occurredFrom: 'a', occurredTo: 'b', cercle: 'c', region: 'r', kind: 'attack', targetsCivilians: false, within: { minLat: 1, maxLat: 2, minLon: 3, maxLon: 4 } });
    expect(query.where).toEqual([
      ACTIVE,
      { column: 'occurred_at', op: '>=', value: 'a' },
      { column: 'occurred_at', op: '<=', value: 'b' },
      { column: 'cercle', op: '=', value: 'c' },
      { column: 'region', op: '=', value: 'r' },
      { column: 'kind', op: '=', value: 'attack' },
      { column: 'targets_civilians', op: '=', value: 0 },
      { column: 'lat', op: '>=', value: 1 },
      { column: 'lat', op: '<=', value: 2 },
      { column: 'lon', op: '>=', value: 3 },
      { column: 'lon', op: '<=', value: 4 },
    ]);
  });

  it('given the occurred order, then ties are broken by id: a page keeps its order across rebuilds', () => {
    expect(incidentsQuery({}, { order: 'occurred', limit: 10, offset: 20 })).toEqual({ where: [ACTIVE], orderBy: [{ column: 'occurred_at' }, { column: 'key' }], limit: 10, offset: 20 });
  });
});

describe('incidentsAfterKey', () => {
  it('is a keyset page: after the key, in key order', () => {
    expect(incidentsAfterKey('k1', { occurredFrom: 'a' }, 500)).toEqual({
      where: [{ column: 'key', op: '>', value: 'k1' }, ACTIVE, { column: 'occurred_at', op: '>=', value: 'a' }],
      orderBy: [{ column: 'key' }],
      limit: 500,
    });
  });
});

describe('dailyIncidentCounts', () => {
  it('given a breakdown by cercle and region and a day range, then grouped by day first, active incidents of those days', () => {
    const count = dailyIncidentCounts(['cercle', 'region'], { dayFrom: '2020-01-01', dayTo: '2020-02-04' });
    expect(count.groupBy).toEqual(['occurred_day', 'cercle', 'region']);
    expect(count.where).toEqual([ACTIVE, { column: 'occurred_day', op: '>=', value: '2020-01-01' }, { column: 'occurred_day', op: '<=', value: '2020-02-04' }]);
  });

  it('reads a row as day, cercle, region and count; what was not grouped by, or is unknown, is null', () => {
    const { rowOf } = dailyIncidentCounts([]);
    expect(rowOf({ occurred_day: '2020-01-01', count: 2 })).toEqual({ day: '2020-01-01', cercle: null, region: null, count: 2 });
    expect(dailyIncidentCounts(['cercle']).rowOf({ occurred_day: '2020-01-01', cercle: null, count: 1 })).toEqual({ day: '2020-01-01', cercle: null, region: null, count: 1 });
  });
});
