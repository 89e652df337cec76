import { latLngToCell } from 'h3-js';
import { invalid } from './domain-error';

/** ACLED's geo_precision: 1 exact point or named town, 2 near a town, 3 region only. */
export type GeoPrecision = 1 | 2 | 3;

/** H3 resolution 7: cells of ≈5.16 km², so a k=4 disk covers a 10 km radius (DOMAIN.md). */
export const H3_RESOLUTION = 7;

export type Location = Readonly<{
  lat: number;
  lon: number;
  precision: GeoPrecision;
  place?: string;
  cercle?: string;
  region?: string;
  /** H3 resolution-7 cell, derived; stored so read models can index by it. */
  h3: string;
}>;

export type LocationInput = Omit<Location, 'h3' | 'precision'> & { precision?: number };

/** An area covered by a patrol or a flight: a centre and a radius. */
export type Area = Readonly<{ lat: number; lon: number; radiusKm: number; h3: string }>;

const checkCoordinates = (lat: number, lon: number, field: string): void => {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) throw invalid(`${field}.lat must be within -90..90`, `${field}.lat`);
  if (!Number.isFinite(lon) || lon < -180 || lon > 180) throw invalid(`${field}.lon must be within -180..180`, `${field}.lon`);
};

export const toLocation = (input: LocationInput, field = 'location'): Location => {
  checkCoordinates(input.lat, input.lon, field);
  const precision = input.precision ?? 1;
  if (precision !== 1 && precision !== 2 && precision !== 3) {
    throw invalid(`${field}.precision must be 1, 2 or 3`, `${field}.precision`);
  }
  return {
    lat: input.lat,
    lon: input.lon,
    precision,
    ...(input.place !== undefined && { place: input.place }),
    ...(input.cercle !== undefined && { cercle: input.cercle }),
    ...(input.region !== undefined && { region: input.region }),
    h3: latLngToCell(input.lat, input.lon, H3_RESOLUTION),
  };
};

export const toArea = (input: { lat: number; lon: number; radiusKm: number }, field = 'area'): Area => {
  checkCoordinates(input.lat, input.lon, field);
  if (!Number.isFinite(input.radiusKm) || input.radiusKm <= 0 || input.radiusKm > 500) {
    throw invalid(`${field}.radiusKm must be within 0..500`, `${field}.radiusKm`);
  }
  return { lat: input.lat, lon: input.lon, radiusKm: input.radiusKm, h3: latLngToCell(input.lat, input.lon, H3_RESOLUTION) };
};

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance (haversine), the test that decides vicinity. */
export const distanceKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }): number => {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
};
