import type { FastifyReply } from 'fastify';

export const GEOJSON = 'application/geo+json';

/** RFC 7946 positions are [lon, lat], the reverse of how places are usually said. */
export type Position = [number, number];
export type Geometry = Readonly<{ type: 'Point'; coordinates: Position }> | Readonly<{ type: 'LineString'; coordinates: Position[] }>;
export type Feature = Readonly<{ type: 'Feature'; id: string; geometry: Geometry; properties: Readonly<Record<string, unknown>> }>;

/**
 * Where a feature sorts: its layer's main time, its thing's id, its place among that thing's
 * features (a patrol's track, then its stops). A page resumes after the last key it gave, so
 * a feature added meanwhile before it shifts nothing (an offset would repeat one).
 */
export type SortKey = readonly [time: string, id: string, index: number];
export type Keyed = Readonly<{ key: SortKey; feature: Feature }>;

export type FeatureCollection = Readonly<{ type: 'FeatureCollection'; features: Feature[]; total: number; nextCursor: string | null }>;

export const point = (p: Readonly<{ lat: number; lon: number }>): Geometry => ({ type: 'Point', coordinates: [p.lon, p.lat] });

/** A LineString needs two positions: a single one is a Point. */
export const lineOrPoint = (points: readonly Readonly<{ lat: number; lon: number }>[]): Geometry =>
  points.length === 1 ? point(points[0]!) : { type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat]) };

/** Code-point order, as in the read-model stores, whatever the process locale. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
export const compareKeys = (a: SortKey, b: SortKey): number => byText(a[0], b[0]) || byText(a[1], b[1]) || a[2] - b[2];

export const encodeCursor = (key: SortKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The key a cursor names, or undefined for anything this API never gave out. */
export const decodeCursor = (text: unknown): SortKey | undefined => {
  if (typeof text !== 'string' || !/^[A-Za-z0-9_-]{1,400}$/.test(text)) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const ok = Array.isArray(key) && key.length === 3 && typeof key[0] === 'string' && typeof key[1] === 'string' && Number.isSafeInteger(key[2]) && key[2] >= 0;
  return ok ? (key as unknown as SortKey) : undefined;
};

/** One page after `cursor`, in key order; `total` counts every feature that matched, on any page. */
export const pageOf = (items: Keyed[], limit: number, cursor?: string): FeatureCollection => {
  const sorted = [...items].sort((a, b) => compareKeys(a.key, b.key));
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  let start = 0;
  if (after) {
    // The first key past the cursor: a binary search, the page may be deep in 10,000.
    let hi = sorted.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if (compareKeys(sorted[mid]!.key, after) <= 0) start = mid + 1;
      else hi = mid;
    }
  }
  const page = sorted.slice(start, start + limit);
  const more = start + page.length < sorted.length;
  return { type: 'FeatureCollection', features: page.map((i) => i.feature), total: sorted.length, nextCursor: more ? encodeCursor(page[page.length - 1]!.key) : null };
};

export const DEFAULT_LIMIT = 5000;

/** The answer of every layer: its content type, and the page asked for. */
export const sendCollection = (reply: FastifyReply, items: Keyed[], query: Readonly<{ limit?: number; cursor?: string }>): FeatureCollection => {
  void reply.header('content-type', GEOJSON);
  return pageOf(items, query.limit ?? DEFAULT_LIMIT, query.cursor);
};
