import { distanceKm } from '@poc/domain';
import type { TimedEpisode } from './episodes';

/** An episode (by its index in the sorted list) and its haversine distance. */
export type Near = Readonly<{ index: number; km: number }>;

type Point = Readonly<{ lat: number; lon: number }>;

const EARTH_RADIUS_KM = 6371.0088;
const DEG = 180 / Math.PI;
/** Bounds are widened by this much: floating-point rounding must never leave a point out. */
const SLACK = 1 + 1e-6;

/**
 * The box (in degrees) that holds every point within `km` of `lat`, erring large. Haversine
 * h = sin²(Δφ/2) + cos φ₁·cos φ₂·sin²(Δλ/2) ≤ sin²(d/2R) bounds each term: |Δφ| ≤ d/R, and, with
 * cos φ₂ ≥ cos(|φ₁| + d/R), sin(|Δλ|/2) ≤ sin(d/2R) / √(cos φ₁·cos(|φ₁| + d/R)). Null for
 * the longitude when the box reaches a pole (every longitude).
 */
export const boxAround = (lat: number, km: number): { dLat: number; dLon: number | null } => {
  const delta = (km / EARTH_RADIUS_KM) * SLACK;
  const dLat = delta * DEG + 1e-9;
  const far = Math.abs(lat) / DEG + delta;
  if (far >= Math.PI / 2) return { dLat, dLon: null };
  const s = Math.sin(delta / 2) / Math.sqrt(Math.cos(lat / DEG) * Math.cos(far));
  return { dLat, dLon: s >= 1 ? null : 2 * Math.asin(s) * DEG * SLACK + 1e-9 };
};

/** |Δλ| in degrees, the short way round (haversine's sin²(Δλ/2) has period 360°). */
const lonGap = (a: number, b: number): number => {
  const d = (((a - b) % 360) + 360) % 360;
  return Math.min(d, 360 - d);
};

/**
 * The episodes near a point, through a grid of latitude/longitude buckets about `maxKm` wide:
 * each episode is filed under the one bucket of its point, and a lookup reads the few
 * buckets of the point's box (boxAround), haversine deciding. It replaced an H3 index that
 * filed each episode under every resolution-5 cell of its disk (61 cells at 25 km): building
 * that was 14–23 ms of a 450–1,000-episode query, this is well under 1 ms; and the H3 disk
 * reached ~60 km, so lookups checked ~5× more candidates than the box does.
 * Exactness does not depend on the grid: the box errs large (proximity.unit.spec.ts).
 */
export class EpisodeIndex {
  private readonly buckets = new Map<number, number[]>();
  private readonly size: number;
  /** Longitude buckets around the globe: `size` divides 360 so the antimeridian is a bucket edge. */
  private readonly lonBuckets: number;

  constructor(
    private readonly episodes: readonly TimedEpisode[],
    readonly maxKm: number,
  ) {
    this.lonBuckets = Math.max(1, Math.ceil(360 / Math.max(boxAround(0, maxKm).dLat, 1e-3)));
    this.size = 360 / this.lonBuckets;
    episodes.forEach((t, index) => {
      const key = this.key(this.latIndex(t.episode.point.lat), this.lonIndex(t.episode.point.lon));
      const list = this.buckets.get(key);
      if (list) list.push(index);
      else this.buckets.set(key, [index]);
    });
  }

  private latIndex(lat: number): number {
    return Math.floor((Math.min(90, Math.max(-90, lat)) + 90) / this.size);
  }

  /** Longitudes taken into [0, 360) from −180, so that a bucket never straddles the antimeridian. */
  private lonIndex(lon: number): number {
    const shifted = ((((lon + 180) % 360) + 360) % 360);
    return Math.min(this.lonBuckets - 1, Math.floor(shifted / this.size));
  }

  private key(latIndex: number, lonIndex: number): number {
    return latIndex * this.lonBuckets + lonIndex;
  }

  /** The longitude bucket ranges of [lon − dLon, lon + dLon], split at the antimeridian. */
  private lonRanges(lon: number, dLon: number | null): [number, number][] {
    const all: [number, number][] = [[0, this.lonBuckets - 1]];
    if (dLon === null || dLon >= 180) return all;
    const centre = ((((lon + 180) % 360) + 360) % 360) - 180;
    const lo = centre - dLon;
    const hi = centre + dLon;
    if (lo >= -180 && hi < 180) return [[this.lonIndex(lo), this.lonIndex(hi)]];
    // Across the antimeridian: two ranges, or every bucket once they meet.
    const [from, to] = lo < -180 ? [this.lonIndex(lo + 360), this.lonIndex(hi)] : [this.lonIndex(lo), this.lonIndex(hi - 360)];
    return to >= from ? all : [[from, this.lonBuckets - 1], [0, to]];
  }

  /** Episodes within maxKm of the point, in index (episode id) order. */
  near(point: Point): Near[] {
    const { dLat, dLon } = boxAround(point.lat, this.maxKm);
    const found: Near[] = [];
    const ranges = this.lonRanges(point.lon, dLon);
    for (let la = this.latIndex(point.lat - dLat); la <= this.latIndex(point.lat + dLat); la++) {
      for (const [from, to] of ranges) {
        for (let lo = from; lo <= to; lo++) {
          for (const index of this.buckets.get(this.key(la, lo)) ?? []) {
            const at = this.episodes[index].episode.point;
            // Outside the box is beyond maxKm: skip the haversine (half of the buckets' area).
            if (Math.abs(at.lat - point.lat) > dLat || (dLon !== null && lonGap(at.lon, point.lon) > dLon)) continue;
            const km = distanceKm(at, point);
            if (km <= this.maxKm) found.push({ index, km });
          }
        }
      }
    }
    return found.length > 1 ? found.sort((a, b) => a.index - b.index) : found;
  }

  /** The other episodes within maxKm of episode `index`. */
  neighbours(index: number): Near[] {
    return this.near(this.episodes[index].episode.point).filter((n) => n.index !== index);
  }
}
