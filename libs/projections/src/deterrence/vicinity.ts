import { getHexagonEdgeLengthAvg, gridDisk, UNITS } from 'h3-js';
import { distanceKm, H3_RESOLUTION } from '@poc/domain';
import { latLngToCell } from 'h3-js';

const EDGE_KM = getHexagonEdgeLengthAvg(H3_RESOLUTION, UNITS.km);
/**
 * Neighbouring cell centres are √3·edge apart, and a k-disk's flat sides lie at cos 30° of
 * its corners; H3 cells also vary in size over the globe (up to ≈2× near pentagons), hence
 * the 0.8 margin and +1 ring. The disk errs large: haversine then decides.
 */
const ringsFor = (radiusKm: number): number => Math.ceil(radiusKm / (Math.sqrt(3) * EDGE_KM * Math.cos(Math.PI / 6) * 0.8)) + 1;

/** The H3 cells that may hold a point within `radiusKm` of `centre`. */
export const cellsWithin = (centre: { lat: number; lon: number }, radiusKm: number): string[] =>
  gridDisk(latLngToCell(centre.lat, centre.lon, H3_RESOLUTION), ringsFor(radiusKm));

export const isWithin = (a: { lat: number; lon: number }, b: { lat: number; lon: number }, radiusKm: number): boolean =>
  distanceKm(a, b) <= radiusKm;
