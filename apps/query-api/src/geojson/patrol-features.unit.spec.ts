import type { PatrolView } from '@poc/projections';
import { patrolFeatures } from './patrol-features';

const loc = (lat: number, lon: number) => ({ lat, lon, precision: 1 as const, h3: 'x' });
const patrol: PatrolView = {
  patrolId: 'p1',
  status: 'completed',
  operation: 'Buffalo',
  unit: 'LRMP-1',
  kind: 'long-range',
  startedAt: '2020-03-01T06:00:00Z',
  endedAt: '2020-03-04T15:00:00Z',
  area: { lat: 14, lon: -3.5, radiusKm: 15, h3: 'x' },
  stops: [
    { location: loc(14.2, -3.4), arrivedAt: '2020-03-02T16:00:00Z', departedAt: '2020-03-03T07:00:00Z', overnight: true },
    { location: loc(14.1, -3.5), arrivedAt: '2020-03-01T12:00:00Z', departedAt: '2020-03-01T13:00:00Z', overnight: false },
  ],
  alertIds: ['a1'],
};
const all = () => true;

describe('a patrol on the map', () => {
  it('is a track through its stops in order of arrival, then a Point per overnight stop', () => {
    const [track, stop, ...rest] = patrolFeatures(patrol, all);
    expect(rest).toEqual([]);
    expect(track!.feature.geometry).toEqual({ type: 'LineString', coordinates: [[-3.5, 14.1], [-3.4, 14.2]] });
    expect(track!.feature.properties).toMatchObject({ id: 'p1', kind: 'track', unit: 'LRMP-1', operation: 'Buffalo', startedAt: patrol.startedAt, endedAt: patrol.endedAt, stops: 2 });
    expect(stop!.feature).toMatchObject({ id: 'p1/stop-2', geometry: { type: 'Point', coordinates: [-3.4, 14.2] }, properties: { kind: 'overnight-stop', patrolId: 'p1', at: '2020-03-02T16:00:00Z' } });
    expect(track!.key).toEqual([patrol.startedAt, 'p1', 0]);
    expect(stop!.key).toEqual([patrol.startedAt, 'p1', 2]);
  });

  it('is a Point at its area while it has no stops, or at its one stop', () => {
    const [track] = patrolFeatures({ ...patrol, status: 'deployed', endedAt: undefined, stops: [] }, all);
    expect(track!.feature.geometry).toEqual({ type: 'Point', coordinates: [-3.5, 14] });
    expect(track!.feature.properties).toMatchObject({ endedAt: null, stops: 0 });
    expect(patrolFeatures({ ...patrol, stops: [patrol.stops[0]!] }, all)[0]!.feature.geometry).toEqual({ type: 'Point', coordinates: [-3.4, 14.2] });
  });

  it('keeps a track with a point inside, a stop only when inside itself', () => {
    const south = (p: { lat: number }) => p.lat < 14.15;
    expect(patrolFeatures(patrol, south).map((f) => f.feature.properties.kind)).toEqual(['track']);
    expect(patrolFeatures(patrol, () => false)).toEqual([]);
  });
});
