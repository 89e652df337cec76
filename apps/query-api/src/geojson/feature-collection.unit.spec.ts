import { compareKeys, decodeCursor, encodeCursor, lineOrPoint, pageOf, point, type Keyed, type SortKey } from './feature-collection';

const item = (time: string, id: string, index = 0): Keyed => ({
  key: [time, id, index],
  feature: { type: 'Feature', id: `${id}/${index}`, geometry: point({ lat: 14, lon: -3 }), properties: {} },
});

describe('feature collections', () => {
  it('writes positions as [lon, lat], a single point as a Point', () => {
    expect(point({ lat: 14.0775, lon: -3.5159 })).toEqual({ type: 'Point', coordinates: [-3.5159, 14.0775] });
    expect(lineOrPoint([{ lat: 1, lon: 2 }])).toEqual({ type: 'Point', coordinates: [2, 1] });
    expect(lineOrPoint([{ lat: 1, lon: 2 }, { lat: 3, lon: 4 }])).toEqual({ type: 'LineString', coordinates: [[2, 1], [4, 3]] });
  });

  it('orders by time, then id in code-point order, then index', () => {
    const keys: SortKey[] = [['2020-03-02', 'a', 0], ['2020-03-01', 'b', 1], ['2020-03-01', 'b', 0], ['2020-03-01', 'B', 5]];
    expect([...keys].sort(compareKeys)).toEqual([['2020-03-01', 'B', 5], ['2020-03-01', 'b', 0], ['2020-03-01', 'b', 1], ['2020-03-02', 'a', 0]]);
  });

  it('round-trips a cursor and refuses anything it did not make', () => {
    const key: SortKey = ['2020-03-01T03:00:00.000Z', 'i-1', 2];
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of ['', 'not base64!', 'e30', b64([1, 'a', 0]), b64(['a', 'b', -1]), b64(['a', 'b', 1.5]), b64(['a', 'b']), Buffer.from('{oops').toString('base64url'), 42, undefined]) {
      expect(decodeCursor(bad)).toBeUndefined();
    }
  });

  it('pages: every feature once over all pages, total the whole count, null cursor on the last', () => {
    const items = Array.from({ length: 25 }, (_, i) => item(`2020-03-${String((i % 7) + 1).padStart(2, '0')}`, `id-${i}`)).reverse();
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageOf(items, 10, cursor);
      expect(page.total).toBe(25);
      seen.push(...page.features.map((f) => f.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    expect(seen).toEqual([...items].sort((a, b) => compareKeys(a.key, b.key)).map((i) => i.feature.id));
  });

  it('resumes after the cursor key even when a feature was added before it', () => {
    const first = pageOf([item('2020-03-02', 'b'), item('2020-03-03', 'c'), item('2020-03-04', 'd')], 2);
    expect(first.features.map((f) => f.id)).toEqual(['b/0', 'c/0']);
    const next = pageOf([item('2020-03-01', 'a'), item('2020-03-02', 'b'), item('2020-03-03', 'c'), item('2020-03-04', 'd')], 2, first.nextCursor!);
    expect(next.features.map((f) => f.id)).toEqual(['d/0']);
    expect(next).toMatchObject({ total: 4, nextCursor: null });
  });

  it('answers an empty collection for nothing', () => {
    expect(pageOf([], 5000)).toEqual({ type: 'FeatureCollection', features: [], total: 0, nextCursor: null });
  });
});
