import fc from 'fast-check';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { distanceKm, H3_RESOLUTION } from '@poc/domain';
import { PLACES, offsetKm } from '@poc/projections/testing';
import { cellsWithin, isWithin } from './vicinity';

// Mali's bounding box (DOMAIN.md's places all lie in it).
const centreArb = fc.record({
  lat: fc.double({ min: 10, max: 25, noNaN: true }),
  lon: fc.double({ min: -12, max: 4.5, noNaN: true }),
});
const radiusArb = fc.double({ min: 1, max: 25, noNaN: true });

const INDEX_RESOLUTION = 5;

describe('vicinity', () => {
  describe('cellsWithin', () => {
    it('holds the H3 cell of every point within r km of the centre (r in 1..25)', () => {
      fc.assert(
        fc.property(
          centreArb,
          radiusArb,
          fc.double({ min: 0, max: 360, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (centre, radiusKm, bearing, fraction) => {
            const point = offsetKm(centre, bearing, radiusKm * fraction);
            fc.pre(isWithin(centre, point, radiusKm));
            expect(cellsWithin(centre, radiusKm)).toContain(latLngToCell(point.lat, point.lon, H3_RESOLUTION));
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('holds the cells of points right on the circle', () => {
      // The hardest points: at the full radius, all round the centre.
      fc.assert(
        fc.property(centreArb, radiusArb, (centre, radiusKm) => {
          const cells = new Set(cellsWithin(centre, radiusKm));
          for (let bearing = 0; bearing < 360; bearing += 5) {
            const point = offsetKm(centre, bearing, radiusKm * (1 - 1e-9));
            expect(cells.has(latLngToCell(point.lat, point.lon, H3_RESOLUTION))).toBe(true);
          }
        }),
        { numRuns: 200 },
      );
    });

    // The +1 safety ring adds up to ~2 spacings (≈5 km) beyond 2r for small radii: hence +10.
    it('errs large, but not wildly: every cell centre lies within 2r + 10 km', () => {
      fc.assert(
        fc.property(centreArb, radiusArb, (centre, radiusKm) => {
          for (const cell of cellsWithin(centre, radiusKm)) {
            const [lat, lon] = cellToLatLng(cell);
            expect(distanceKm(centre, { lat, lon })).toBeLessThanOrEqual(2 * radiusKm + 10);
          }
        }),
        { numRuns: 100 },
      );
    });

    // At a coarser resolution the same guarantee holds, for every radius a query may ask.
    it(`at resolution ${INDEX_RESOLUTION}, holds the cell of every point within r km (r in 1..100), the circle included`, () => {
      fc.assert(
        fc.property(
          centreArb,
          fc.double({ min: 1, max: 100, noNaN: true }),
          fc.double({ min: 0, max: 360, noNaN: true }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (centre, radiusKm, bearing, fraction) => {
            const cells = new Set(cellsWithin(centre, radiusKm, INDEX_RESOLUTION));
            const point = offsetKm(centre, bearing, radiusKm * fraction);
            if (isWithin(centre, point, radiusKm)) expect(cells.has(latLngToCell(point.lat, point.lon, INDEX_RESOLUTION))).toBe(true);
            for (let b = 0; b < 360; b += 10) {
              const edge = offsetKm(centre, b, radiusKm * (1 - 1e-9));
              expect(cells.has(latLngToCell(edge.lat, edge.lon, INDEX_RESOLUTION))).toBe(true);
            }
          },
        ),
        { numRuns: 500 },
      );
    });

    it('starts with the centre cell, as resolution-7 cells', () => {
      const cells = cellsWithin(PLACES.ogossagou, 10);
      expect(cells).toContain(latLngToCell(PLACES.ogossagou.lat, PLACES.ogossagou.lon, 7));
      expect(new Set(cells).size).toBe(cells.length);
    });
  });

  describe('isWithin (haversine)', () => {
    it('Bamako–Mopti is about 460 km (within 1%)', () => {
      const km = distanceKm(PLACES.bamako, PLACES.mopti);
      expect(Math.abs(km - 460) / 460).toBeLessThan(0.01);
      expect(isWithin(PLACES.bamako, PLACES.mopti, 470)).toBe(true);
      expect(isWithin(PLACES.bamako, PLACES.mopti, 450)).toBe(false);
    });

    it('a degree of latitude is about 111.2 km', () => {
      expect(distanceKm({ lat: 14, lon: -3 }, { lat: 15, lon: -3 })).toBeCloseTo(111.2, 1);
    });

    it('is symmetric and zero at the same point', () => {
      fc.assert(
        fc.property(centreArb, centreArb, (a, b) => {
          expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 6);
          expect(distanceKm(a, a)).toBe(0);
        }),
      );
    });

    it('the boundary is inclusive: a point at r is within r', () => {
      const point = offsetKm(PLACES.ogossagou, 90, 10);
      const d = distanceKm(PLACES.ogossagou, point);
      expect(d).toBeCloseTo(10, 6);
      expect(isWithin(PLACES.ogossagou, point, d)).toBe(true);
      expect(isWithin(PLACES.ogossagou, point, d - 1e-6)).toBe(false);
    });

    it('decides by distance, not by cell: 6 km is within 10, 12 km is not', () => {
      expect(isWithin(PLACES.ogossagou, offsetKm(PLACES.ogossagou, 30, 6), 10)).toBe(true);
      expect(isWithin(PLACES.ogossagou, offsetKm(PLACES.ogossagou, 30, 12), 10)).toBe(false);
      expect(isWithin(PLACES.ogossagou, offsetKm(PLACES.ogossagou, 30, 12), 25)).toBe(true);
    });
  });
});
