import type { Projection } from './projection';
import type { FindQuery } from './read-model-store.port';
import { between, byKey, countByStatus, equal, inKeyOrder, shaped, withKeys } from './read-queries';
import { alertsProjection } from './alerts/alerts.projection';
import { alertsQuery, alertsReceivedQuery } from './alerts/alerts.queries';
import { basesProjection } from './bases/bases.projection';
import { basesQuery } from './bases/bases.queries';
import { flightsProjection } from './flights/flights.projection';
import { flightsQuery } from './flights/flights.queries';
import { flightHourAllotmentsProjection } from './flight-hours/flight-hour-allotments.projection';
import { flightHourAllotmentsTouching } from './flight-hours/flight-hour-allotments.queries';
import { iedsProjection } from './ieds/ieds.projection';
import { iedsQuery } from './ieds/ieds.queries';
import { incidentsProjection } from './incidents/incidents.projection';
import { dailyIncidentCounts, incidentsAfterKey, incidentsQuery } from './incidents/incidents.queries';
import { incidentAwaitingParentCell, incidentsInCells, incidentsInParentCells, regionPreciseIncidents } from './incidents/deterrence-probes.queries';
import { patrolsProjection } from './patrols/patrols.projection';
import { patrolsQuery } from './patrols/patrols.queries';
import { presencesProjection } from './presences/presences.projection';
import { presencesQuery, presencesStillThereQueries } from './presences/presences.queries';
import { retaliationVerdictsProjection } from './retaliation/retaliation-verdicts.projection';
import { retaliationVerdictsQuery } from './retaliation/retaliation-verdicts.queries';

describe('read-model query helpers', () => {
  it('given no value or an empty one, when a condition is built, then it narrows nothing', () => {
    expect(equal('cercle', undefined)).toEqual([]);
    expect(equal('cercle', '')).toEqual([]);
    expect(between('received_at', undefined, '')).toEqual([]);
  });

  it('given a value, then it is the condition; 0 is a value', () => {
    expect(equal('targets_civilians', 0)).toEqual([{ column: 'targets_civilians', op: '=', value: 0 }]);
    expect(between('lat', -1, 2)).toEqual([
      { column: 'lat', op: '>=', value: -1 },
      { column: 'lat', op: '<=', value: 2 },
    ]);
  });

  it('given no order nor page, then the query has no such key (the store sees what it saw before)', () => {
    expect(shaped([], undefined)).toEqual({ where: [] });
    expect(Object.keys(shaped([], undefined, { limit: undefined }))).toEqual(['where']);
    expect(shaped([], [{ column: 'key' }], { limit: 5, offset: 0 })).toEqual({ where: [], orderBy: [{ column: 'key' }], limit: 5, offset: 0 });
  });

  it('counts by status only where the read model has a status column', () => {
    expect(countByStatus(incidentsProjection.collection)).toMatchObject({ groupBy: ['status'], where: [] });
    expect(countByStatus(incidentsProjection.collection)!.rowOf({ status: 'active', count: 3 })).toEqual({ status: 'active', count: 3 });
    expect(countByStatus(retaliationVerdictsProjection.collection)).toBeUndefined();
  });
});

/** Every column a query names, its conditions' and its order's. */
const columnsOf = (query: FindQuery): string[] => [...(query.where ?? []).map((c) => c.column), ...(query.orderBy ?? []).map((o) => o.column)];

const FULL = { from: '2020-01-01T00:00:00.000Z', to: '2020-12-31T23:59:59.999Z' };
const DAYS = { from: '2020-01-01', to: '2020-01-31' };

const queriesOf: readonly [Projection, FindQuery[]][] = [
  [alertsProjection, [alertsQuery({ status: 'open', receivedFrom: FULL.from, receivedTo: FULL.to, cercle: 'Bankass', priority: 'flash' }, { order: 'latest-received-first' }), alertsReceivedQuery(FULL)]],
  [
    incidentsProjection,
    [
      incidentsQuery(
        { occurredFrom: FULL.from, occurredTo: FULL.to, dayFrom: DAYS.from, dayTo: DAYS.to, cercle: 'c', region: 'r', kind: 'attack', targetsCivilians: true, within: { minLat: 1, maxLat: 2, minLon: 3, maxLon: 4 } },
        { order: 'occurred' },
      ),
      incidentsAfterKey('k', { occurredFrom: FULL.from, occurredTo: FULL.to }, 10),
      incidentsInParentCells(['p'], DAYS),
      incidentsInCells(['c'], DAYS),
      regionPreciseIncidents(['c'], DAYS),
      incidentAwaitingParentCell,
    ],
  ],
  [patrolsProjection, [patrolsQuery({ operation: 'o', status: 'deployed', startedFrom: FULL.from, startedTo: FULL.to }, { order: 'started' })]],
  [flightsProjection, [flightsQuery({ dispatchedFrom: FULL.from, dispatchedTo: FULL.to }, { order: 'dispatched' }), flightsQuery({ takeOffFrom: FULL.from, takeOffTo: FULL.to }, { order: 'take-off' })]],
  [flightHourAllotmentsProjection, [flightHourAllotmentsTouching(FULL)]],
  [basesProjection, [basesQuery({ establishedFrom: FULL.from, establishedTo: FULL.to, cercle: 'c' }, { order: 'established' })]],
  [iedsProjection, [iedsQuery({ detectedFrom: FULL.from, detectedTo: FULL.to, cercle: 'c', region: 'r', status: 'detected' }, { order: 'detected' })]],
  [presencesProjection, [presencesQuery({ operation: 'o', arrivedBefore: '2020-02-01' }), ...presencesStillThereQueries({ operation: 'o' }, '2020-01-01')]],
  [retaliationVerdictsProjection, [retaliationVerdictsQuery({ incidentId: 'i', episodeId: 'e', verdict: 'retaliation' }, { order: 'latest-assessed-first' })]],
];

describe('the typed queries of each read model', () => {
  it.each(queriesOf.map(([p, queries]) => [p.name, p, queries] as const))('%s: name only the key and the columns its projection declares', (_, projection, queries) => {
    const declared = new Set(['key', ...Object.keys(projection.collection.columns)]);
    for (const query of queries) for (const column of columnsOf(query)) expect(declared).toContain(column);
  });

  it('so do the counts and the key lookups', () => {
    const declared = new Set(['key', ...Object.keys(incidentsProjection.collection.columns)]);
    const daily = dailyIncidentCounts(['cercle', 'region'], { dayFrom: DAYS.from });
    for (const column of [...daily.groupBy, ...daily.where.map((c) => c.column)]) expect(declared).toContain(column);
    expect([byKey('a'), withKeys(['a']), inKeyOrder].flatMap(columnsOf)).toEqual(['key', 'key', 'key']);
  });
});
