import fc from 'fast-check';
import { cellToChildren, cellToParent, latLngToCell } from 'h3-js';
import { INCIDENT_COARSE_RESOLUTION } from '@poc/projections';
import { offsetKm } from '@poc/projections/testing';
import { coarseParentOf, coverCells, coverHas, coverOfDisks } from './cell-cover';
import { OGOSSAGOU } from '@poc/deterrence/testing';
import { cellsWithin } from './vicinity';

/** The cells the plan named before the cover: the union of every point's disk. */
const unionOfDisks = (points: readonly { lat: number; lon: number }[], radiusKm: number): string[] =>
  [...new Set(points.flatMap((p) => cellsWithin(p, radiusKm)))].sort();

const pointArb = fc.record({ bearing: fc.integer({ min: 0, max: 359 }), km: fc.double({ min: 0, max: 80, noNaN: true }) }).map((x) => offsetKm(OGOSSAGOU, x.bearing, x.km));

describe('cell cover (the fetch plan by resolution-5 parent)', () => {
  it('names exactly the resolution-7 cells of the union of the disks, whatever the points and radius', () => {
    fc.assert(
      fc.property(fc.array(pointArb, { minLength: 1, maxLength: 6 }), fc.constantFrom(5, 10, 25), (points, radiusKm) => {
        expect(coverCells(coverOfDisks(points, radiusKm))).toEqual(unionOfDisks(points, radiusKm));
      }),
      { numRuns: 60 },
    );
  });

  it('lists a parent as whole only when every child is wanted, and a partial parent only with its own children', () => {
    const cover = coverOfDisks([OGOSSAGOU, offsetKm(OGOSSAGOU, 90, 30)], 25);
    const wanted = new Set(unionOfDisks([OGOSSAGOU, offsetKm(OGOSSAGOU, 90, 30)], 25));
    expect(cover.parents.length).toBeGreaterThan(0);
    for (const parent of cover.parents) for (const child of cellToChildren(parent, 7)) expect(wanted.has(child)).toBe(true);
    for (const [parent, children] of cover.partial) {
      expect(cover.parents).not.toContain(parent);
      for (const child of children) expect(cellToParent(child, INCIDENT_COARSE_RESOLUTION)).toBe(parent);
      // A parent's other children are not in the cover.
      for (const child of cellToChildren(parent, 7)) expect(coverHas(cover, child)).toBe(wanted.has(child));
    }
  });

  it("takes a resolution-7 cell's parent from its hex digits exactly as h3-js does, anywhere", () => {
    fc.assert(
      fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), fc.integer({ min: 0, max: 15 }), (lat, lon, resolution) => {
        const cell = latLngToCell(lat, lon, resolution);
        if (resolution >= INCIDENT_COARSE_RESOLUTION) expect(coarseParentOf(cell)).toBe(cellToParent(cell, INCIDENT_COARSE_RESOLUTION));
      }),
      { numRuns: 2000 },
    );
  });

  it('a 25 km disk is some tens of parents instead of 1,141 cells, and the same again from the cache', () => {
    const first = coverOfDisks([OGOSSAGOU], 25);
    expect(first.parents.length + first.partial.size).toBeLessThan(80);
    expect(coverOfDisks([OGOSSAGOU], 25)).toEqual(first);
    expect(coverOfDisks([], 25)).toEqual({ parents: [], partial: new Map() });
  });
});
