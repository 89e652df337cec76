import { getHexagonEdgeLengthAvg, gridDisk, UNITS } from 'h3-js';
import { distanceKm, H3_RESOLUTION } from '@poc/domain';
import { latLngToCell } from 'h3-js';

const edgeKm = new Map<number, number>();
const edgeOf = (resolution: number): number => {
  let edge = edgeKm.get(resolution);
  if (edge === undefined) edgeKm.set(resolution, (edge = getHexagonEdgeLengthAvg(resolution, UNITS.km)));
  return edge;
};

/**
 * Neighbouring cell centres are √3·edge apart, and a k-disk's flat sides lie at cos 30° of
 * its corners; H3 cells also vary in size over the globe (up to ≈2× near pentagons), hence
 * the 0.8 margin and +1 ring. The disk errs large: haversine then decides.
 */
export const ringsFor = (radiusKm: number, resolution: number): number =>
  Math.ceil(radiusKm / (Math.sqrt(3) * edgeOf(resolution) * Math.cos(Math.PI / 6) * 0.8)) + 1;

/**
 * The H3 cells that may hold a point within `radiusKm` of `centre`: at the read models'
 * resolution (7, the incidents' `h3` column) unless told otherwise. A coarser resolution
 * gives far fewer cells for the same disk (at 25 km: 61 at resolution 5, 1,141 at 7), each
 * holding more candidates for haversine to check.
 */
export const cellsWithin = (centre: { lat: number; lon: number }, radiusKm: number, resolution = H3_RESOLUTION): string[] =>
  gridDisk(latLngToCell(centre.lat, centre.lon, resolution), ringsFor(radiusKm, resolution));

export const isWithin = (a: { lat: number; lon: number }, b: { lat: number; lon: number }, radiusKm: number): boolean =>
  distanceKm(a, b) <= radiusKm;
