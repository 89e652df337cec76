import fc from 'fast-check';
import { clopperPearson, rateRatioInterval } from './exact-interval';

/** Binomial tail sums computed directly: P(X ≥ x) and P(X ≤ x) for X ~ Bin(n, p). */
const pmf = (n: number, k: number, p: number) => {
  let logC = 0;
  for (let i = 1; i <= k; i++) logC += Math.log(n - k + i) - Math.log(i);
  return Math.exp(logC + k * Math.log(p) + (n - k) * Math.log(1 - p));
};
const atLeast = (n: number, x: number, p: number) => Array.from({ length: n - x + 1 }, (_, i) => pmf(n, x + i, p)).reduce((a, b) => a + b, 0);
const atMost = (n: number, x: number, p: number) => Array.from({ length: x + 1 }, (_, i) => pmf(n, i, p)).reduce((a, b) => a + b, 0);

describe('exact interval', () => {
  describe('clopperPearson', () => {
    it('given 3 of 10, when bounded at 95%, then [0.0667, 0.6525] (the textbook values)', () => {
      const [lo, hi] = clopperPearson(3, 10);
      expect(lo).toBeCloseTo(0.0667, 4);
      expect(hi).toBeCloseTo(0.6525, 4);
    });

    it('0 of 10: lower 0, upper 1 − 0.025^(1/10) ≈ 0.3085; 10 of 10: lower ≈ 0.6915, upper 1', () => {
      expect(clopperPearson(0, 10)[0]).toBe(0);
      expect(clopperPearson(0, 10)[1]).toBeCloseTo(1 - 0.025 ** (1 / 10), 10);
      expect(clopperPearson(10, 10)[0]).toBeCloseTo(0.025 ** (1 / 10), 10);
      expect(clopperPearson(10, 10)[1]).toBe(1);
    });

    it('its bounds invert the binomial tails: P(X ≥ x | lower) = P(X ≤ x | upper) = 2.5%', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 60 }), fc.nat(), (n, seed) => {
          const x = seed % (n + 1);
          const [lo, hi] = clopperPearson(x, n);
          if (x > 0) expect(atLeast(n, x, lo)).toBeCloseTo(0.025, 8);
          if (x < n) expect(atMost(n, x, hi)).toBeCloseTo(0.025, 8);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('rateRatioInterval (conditional binomial)', () => {
    it('given 3 in 10 days against 7 in 10 days, then RR 3/7 in [0.0715, 1.8773] (as R’s poisson.test)', () => {
      const { rateRatio, ci95 } = rateRatioInterval({ x: 3, t1: 10, y: 7, t0: 10 });
      expect(rateRatio).toBeCloseTo(3 / 7, 12);
      expect(ci95![0]).toBeCloseTo(0.0715, 4);
      expect(ci95![1]!).toBeCloseTo(1.8773, 4);
    });

    it('scales with person-days: 3 in 10 against 7 in 40 is four times the ratio and the bounds', () => {
      const equal = rateRatioInterval({ x: 3, t1: 10, y: 7, t0: 10 });
      const longer = rateRatioInterval({ x: 3, t1: 10, y: 7, t0: 40 });
      expect(longer.rateRatio).toBeCloseTo(4 * equal.rateRatio!, 12);
      expect(longer.ci95![0]).toBeCloseTo(4 * equal.ci95![0], 10);
      expect(longer.ci95![1]!).toBeCloseTo(4 * equal.ci95![1]!, 10);
    });

    it('no post incident: ratio 0, lower bound 0, a finite upper bound', () => {
      const r = rateRatioInterval({ x: 0, t1: 14, y: 5, t0: 28 });
      expect(r.rateRatio).toBe(0);
      expect(r.ci95![0]).toBe(0);
      expect(r.ci95![1]!).toBeGreaterThan(0);
    });

    it('no baseline incident: no ratio, an unbounded interval', () => {
      expect(rateRatioInterval({ x: 2, t1: 14, y: 0, t0: 28 })).toMatchObject({ rateRatio: null, ci95: [expect.any(Number), null] });
      expect(rateRatioInterval({ x: 0, t1: 14, y: 0, t0: 28 })).toEqual({ rateRatio: null, ci95: [0, null] });
    });

    it('no exposure on a side: nothing to say', () => {
      expect(rateRatioInterval({ x: 0, t1: 0, y: 3, t0: 28 })).toEqual({ rateRatio: null, ci95: null });
      expect(rateRatioInterval({ x: 1, t1: 14, y: 0, t0: 0 })).toEqual({ rateRatio: null, ci95: null });
    });

    it('the interval always holds the ratio', () => {
      fc.assert(
        fc.property(fc.nat(40), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 500 }), (x, t1, y, t0) => {
          const { rateRatio, ci95 } = rateRatioInterval({ x, t1, y, t0 });
          expect(ci95![0]).toBeLessThanOrEqual(rateRatio! + 1e-12);
          expect(ci95![1]!).toBeGreaterThanOrEqual(rateRatio! - 1e-12);
        }),
      );
    });
  });
});
