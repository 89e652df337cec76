import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsInt, IsNumber, IsOptional, IsPositive, IsString, Max, MaxLength, Min, ValidateBy, ValidateIf } from 'class-validator';
import { distanceKm } from '@poc/domain';
import { IsQueryTime, ReadOwnWritesQuery, ToInt, ToNumber } from '../shared/query-params';
import { decodeCursor } from './feature-collection';

export type LatLon = Readonly<{ lat: number; lon: number }>;
export type Bbox = Readonly<{ minLon: number; minLat: number; maxLon: number; maxLat: number }>;
/** A place as the views hold it; cercle and region are optional in every location. */
export type Placed = LatLon & Readonly<{ cercle?: string; region?: string }>;

const NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;
const numbers = (text: unknown, count: number): number[] | undefined => {
  if (typeof text !== 'string') return undefined;
  const parts = text.split(',');
  return parts.length === count && parts.every((p) => NUMBER.test(p)) ? parts.map(Number) : undefined;
};
const isLat = (v: number) => v >= -90 && v <= 90;
const isLon = (v: number) => v >= -180 && v <= 180;

/** `minLon,minLat,maxLon,maxLat` (RFC 7946 order); no box across the antimeridian. */
export const parseBbox = (text: unknown): Bbox | undefined => {
  const n = numbers(text, 4);
  if (!n) return undefined;
  const [minLon, minLat, maxLon, maxLat] = n as [number, number, number, number];
  if (![minLon, maxLon].every(isLon) || ![minLat, maxLat].every(isLat) || minLon > maxLon || minLat > maxLat) return undefined;
  return { minLon, minLat, maxLon, maxLat };
};

/** `lat,lon`, the order people say a place in (unlike bbox). */
export const parseNear = (text: unknown): LatLon | undefined => {
  const n = numbers(text, 2);
  if (!n) return undefined;
  const [lat, lon] = n as [number, number];
  return isLat(lat) && isLon(lon) ? { lat, lon } : undefined;
};

const Parses = (name: string, parse: (text: unknown) => unknown, message: string) =>
  ValidateBy({ name, validator: { validate: (value: unknown) => parse(value) !== undefined, defaultMessage: () => message } });

/** Set together or not at all: with either one, both are validated (and a missing one is named). */
const withNear = (o: GeoQuery) => o.near !== undefined || o.radiusKm !== undefined;

export const MAX_FEATURES = 10_000;

/** The filters every layer takes; time filters apply to the layer's main time. */
export class GeoQuery extends ReadOwnWritesQuery {
  @ApiPropertyOptional({ example: '2020-03-01', description: "from this day or time (UTC), inclusive, on the layer's main time" })
  @IsOptional() @IsQueryTime()
  from?: string;

  @ApiPropertyOptional({ example: '2020-03-31', description: 'up to this day or time (UTC), inclusive' })
  @IsOptional() @IsQueryTime()
  to?: string;

  @ApiPropertyOptional({ example: 'Bankass' }) @IsOptional() @IsString() @MaxLength(80) cercle?: string;
  @ApiPropertyOptional({ example: 'Mopti' }) @IsOptional() @IsString() @MaxLength(80) region?: string;

  @ApiPropertyOptional({ example: '-4.5,13.5,-2.5,15.5', description: 'minLon,minLat,maxLon,maxLat (WGS84; min ≤ max)' })
  @IsOptional() @Parses('isBbox', parseBbox, 'bbox must be minLon,minLat,maxLon,maxLat: lon within -180..180, lat within -90..90, min ≤ max')
  bbox?: string;

  @ApiPropertyOptional({ example: '14.0775,-3.5159', description: 'lat,lon of a centre; needs radiusKm' })
  @ValidateIf(withNear) @IsDefined({ message: 'near (lat,lon) is required with radiusKm' })
  @Parses('isNear', parseNear, 'near must be lat,lon: lat within -90..90, lon within -180..180')
  near?: string;

  @ApiPropertyOptional({ type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 500, example: 25, description: 'km around near (more than 0); needs near' })
  @ValidateIf(withNear) @IsDefined({ message: 'radiusKm is required with near' }) @ToNumber() @IsNumber() @IsPositive() @Max(500)
  radiusKm?: number;

  @ApiPropertyOptional({ type: 'integer', default: 5000, minimum: 1, maximum: MAX_FEATURES })
  @IsOptional() @ToInt() @IsInt() @Min(1) @Max(MAX_FEATURES)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the page before', maxLength: 400 })
  @IsOptional() @IsString() @MaxLength(400) @Parses('isCursor', decodeCursor, 'cursor must be a nextCursor this route gave')
  cursor?: string;
}

const KM_PER_DEGREE_LAT = 111.2;

/**
 * A lat/lon box holding every point the query can keep (bbox and the circle's bounds), for a
 * store with lat/lon columns to narrow by; undefined when nothing narrows it. The circle's
 * bounds are widened a little and dropped near a pole or across the antimeridian.
 */
export const boundsOf = (query: Pick<GeoQuery, 'bbox' | 'near' | 'radiusKm'>): Bbox | undefined => {
  const boxes: Bbox[] = [];
  const bbox = parseBbox(query.bbox);
  if (bbox) boxes.push(bbox);
  const near = parseNear(query.near);
  if (near && query.radiusKm !== undefined) {
    const dLat = (query.radiusKm / KM_PER_DEGREE_LAT) * 1.01;
    const cos = Math.cos((Math.max(Math.abs(near.lat - dLat), Math.abs(near.lat + dLat)) * Math.PI) / 180);
    const dLon = cos > 0.05 ? dLat / cos : 360;
    const minLon = near.lon - dLon;
    const maxLon = near.lon + dLon;
    const wraps = minLon < -180 || maxLon > 180;
    boxes.push({ minLat: Math.max(-90, near.lat - dLat), maxLat: Math.min(90, near.lat + dLat), minLon: wraps ? -180 : minLon, maxLon: wraps ? 180 : maxLon });
  }
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => ({ minLon: Math.max(a.minLon, b.minLon), minLat: Math.max(a.minLat, b.minLat), maxLon: Math.min(a.maxLon, b.maxLon), maxLat: Math.min(a.maxLat, b.maxLat) }));
};

type SpatialQuery = Pick<GeoQuery, 'bbox' | 'near' | 'radiusKm'>;
type AreaQuery = Pick<GeoQuery, 'cercle' | 'region'>;

/** The exact test of bbox and near/radiusKm (both if both are given), for one point. */
export const spatialFilter = (query: SpatialQuery): ((p: LatLon) => boolean) => {
  const bbox = parseBbox(query.bbox);
  const near = parseNear(query.near);
  const radiusKm = query.radiusKm;
  return (p) =>
    (!bbox || (p.lon >= bbox.minLon && p.lon <= bbox.maxLon && p.lat >= bbox.minLat && p.lat <= bbox.maxLat)) &&
    (!near || radiusKm === undefined || distanceKm(near, p) <= radiusKm);
};

export const hasAreaFilter = (query: AreaQuery): boolean => query.cercle !== undefined || query.region !== undefined;

/** cercle and region as the location names them; one without them matches neither filter. */
export const areaFilter = (query: AreaQuery): ((p: Omit<Placed, 'lat' | 'lon'>) => boolean) => (p) =>
  (query.cercle === undefined || p.cercle === query.cercle) && (query.region === undefined || p.region === query.region);

/** Every filter on where, for a thing with a location of its own. */
export const placeFilter = (query: SpatialQuery & AreaQuery): ((p: Placed) => boolean) => {
  const spatial = spatialFilter(query);
  const area = areaFilter(query);
  return (p) => area(p) && spatial(p);
};
