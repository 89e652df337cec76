import { H3_RESOLUTION } from '@poc/domain';
import { cellToChildren, cellToChildrenSize, cellToParent, gridDisk, latLngToCell } from 'h3-js';
import { INCIDENT_COARSE_RESOLUTION } from '@poc/projections';
import { ringsFor } from './vicinity';

/**
 * A set of resolution-7 H3 cells written as what the incidents read model can seek on:
 * `parents`, resolution-5 cells all of whose resolution-7 children are in the set (probed on
 * the `h3_5` column alone), and `partial`, resolution-5 cells with only some children in it
 * (probed on `h3_5` and filtered on `h3`). A 25 km disk is 1,141 resolution-7 cells but only
 * ~35 resolution-5 parents: ~35 index seeks instead of 1,141. `coverCells` gives the cells back.
 */
export type CellCover = Readonly<{
  parents: readonly string[];
  /** Parent → its children in the set (a Set: the caller keeps a fetched incident by its cell). */
  partial: ReadonlyMap<string, ReadonlySet<string>>;
}>;

type DiskCover = Readonly<{ parents: readonly string[]; partial: ReadonlyMap<string, readonly string[]> }>;

/** Centres' disks worked out lately: patrols come back to the same villages. ~25 KB each. */
const CACHE_LIMIT = 2_048;
const cache = new Map<string, DiskCover>();

/**
 * cellToParent(cell, 5) of a resolution-7 cell, from its hex digits: the resolution nibble
 * set to 5 and digits 6–7 (bits 24–29) to 7, as H3 marks unused digits. A cold plan takes
 * the parent of 1,141 cells a centre; h3-js's call costs ~0.45 µs each, this a fraction.
 * Any other shape of index goes to h3-js.
 */
export const coarseParentOf = (cell: string): string =>
  cell.length === 15 && cell[1] === '7'
    ? `${cell[0]}5${cell.slice(2, 7)}${(parseInt(cell[7], 16) | 3).toString(16)}f${cell.slice(9)}`
    : cellToParent(cell, INCIDENT_COARSE_RESOLUTION);

/**
 * The disk of `rings` around a resolution-7 cell, grouped by resolution-5 parent. It depends
 * on the centre cell and the ring count only (cellsWithin's disk), so it is computed once per
 * centre and kept (a Map in insertion order, the least recently used dropped first).
 */
const diskCover = (centre: string, rings: number): DiskCover => {
  const key = `${rings}:${centre}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const byParent = new Map<string, string[]>();
  for (const cell of gridDisk(centre, rings)) {
    const parent = coarseParentOf(cell);
    const children = byParent.get(parent);
    if (children) children.push(cell);
    else byParent.set(parent, [cell]);
  }
  const parents: string[] = [];
  const partial = new Map<string, string[]>();
  for (const [parent, children] of byParent) {
    if (children.length === cellToChildrenSize(parent, H3_RESOLUTION)) parents.push(parent);
    else partial.set(parent, children);
  }
  const cover = { parents, partial };
  cache.set(key, cover);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  return cover;
};

/**
 * The union of the resolution-7 disks of `radiusKm` (cellsWithin) around the points, as a
 * cover: exactly the cells the old per-cell probe named, so the same incidents are fetched.
 */
export const coverOfDisks = (points: readonly Readonly<{ lat: number; lon: number }>[], radiusKm: number): CellCover => {
  const rings = ringsFor(radiusKm, H3_RESOLUTION);
  const parents = new Set<string>();
  const partial = new Map<string, Set<string>>();
  const centres = new Set(points.map((p) => latLngToCell(p.lat, p.lon, H3_RESOLUTION)));
  for (const centre of centres) {
    const disk = diskCover(centre, rings);
    for (const parent of disk.parents) parents.add(parent);
    for (const [parent, children] of disk.partial) {
      if (parents.has(parent)) continue;
      const union = partial.get(parent);
      if (union) for (const c of children) union.add(c);
      else partial.set(parent, new Set(children));
    }
  }
  for (const parent of parents) partial.delete(parent);
  // Parents sorted, so that the probe's chunks do not depend on the episodes' order; the
  // children are only looked up, never sent: not sorted (8,000–17,000 of them a query).
  return { parents: [...parents].sort(), partial };
};

/** The resolution-7 cells of a cover, sorted (for a store without the `h3_5` column yet, and tests). */
export const coverCells = (cover: CellCover): string[] =>
  [...cover.parents.flatMap((p) => cellToChildren(p, H3_RESOLUTION)), ...[...cover.partial.values()].flatMap((children) => [...children])].sort();

/** Whether a cell (of a parent listed in the cover) is in it. */
export const coverHas = (cover: CellCover, cell: string): boolean => {
  const children = cover.partial.get(coarseParentOf(cell));
  return children ? children.has(cell) : cover.parents.includes(coarseParentOf(cell));
};
