import type { PatrolView } from '@poc/projections';
import type { LatLon } from './geo-filters';
import { lineOrPoint, point, type Keyed } from './feature-collection';

/**
 * A patrol on the map: its track through its stops in order of arrival (the area's centre
 * when it has none yet: a deployed patrol reports its stops on completion), and a Point per
 * overnight stop. `keepPoint` is the bbox/near test: a track is kept when one of its points
 * passes, a stop when it does.
 */
export const patrolFeatures = (patrol: PatrolView, keepPoint: (p: LatLon) => boolean): Keyed[] => {
  const stops = [...patrol.stops].sort((a, b) => (a.arrivedAt < b.arrivedAt ? -1 : a.arrivedAt > b.arrivedAt ? 1 : 0));
  const track = stops.length > 0 ? stops.map((s) => s.location) : [patrol.area];
  const features: Keyed[] = [];
  if (track.some(keepPoint)) {
    features.push({
      key: [patrol.startedAt, patrol.patrolId, 0],
      feature: {
        type: 'Feature',
        id: patrol.patrolId,
        geometry: lineOrPoint(track),
        properties: {
          id: patrol.patrolId,
          kind: 'track',
          patrolKind: patrol.kind ?? null,
          status: patrol.status,
          unit: patrol.unit,
          operation: patrol.operation,
          startedAt: patrol.startedAt,
          endedAt: patrol.endedAt ?? null,
          stops: stops.length,
          alertIds: patrol.alertIds,
        },
      },
    });
  }
  stops.forEach((stop, i) => {
    if (!stop.overnight || !keepPoint(stop.location)) return;
    features.push({
      key: [patrol.startedAt, patrol.patrolId, i + 1],
      feature: {
        type: 'Feature',
        id: `${patrol.patrolId}/stop-${i + 1}`,
        geometry: point(stop.location),
        properties: { kind: 'overnight-stop', patrolId: patrol.patrolId, unit: patrol.unit, at: stop.arrivedAt, departedAt: stop.departedAt },
      },
    });
  });
  return features;
};
