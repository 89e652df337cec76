import { computeDeterrence } from './compute-deterrence';
import { rateRatioInterval, type Interval } from './exact-interval';
import { DECAYING_SUPPRESSION, generateScenario } from '@poc/deterrence/testing';

const covers = (ci: Interval | null, value: number) => ci !== null && ci[0] <= value && (ci[1] === null || value <= ci[1]);

/** The true post/baseline ratio for the days at risk the engine found: Σ atRisk[k]·m(k) / Σ atRisk[k]. */
const trueRatio = (days: readonly { day: number; atRisk: number }[], m: (k: number) => number) =>
  days.reduce((s, d) => s + d.atRisk * m(d.day), 0) / days.reduce((s, d) => s + d.atRisk, 0);

describe('recovery of a known suppression from a simulated history', () => {
  // 40 places over two years: ≈ 500 presences, ≈ 20 000 incidents out to 25 km.
  const scenario = generateScenario({ seed: 20200601, places: 40, days: 730, ratePerDay: 0.1, outerKm: 25 });
  const result = computeDeterrence({ episodes: scenario.episodes, incidents: scenario.incidents, asOf: scenario.asOf });
  const m = DECAYING_SUPPRESSION;

  it('given a large history, the exact interval of each day k holds the true multiplier m(k) on (nearly) every day', () => {
    const missed = result.days.filter((d) => !covers(d.ci95, m(d.day))).map((d) => d.day);
    // 95% intervals: about 0.7 of 14 days expected to miss.
    expect(missed.length).toBeLessThanOrEqual(2);
    expect(result.episodes).toBeGreaterThan(400);
  });

  it('the pooled rate ratio and its interval recover the true ratio', () => {
    const truth = trueRatio(result.days, m);
    expect(covers(result.ci95, truth)).toBe(true);
    expect(Math.abs(result.rateRatio! - truth) / truth).toBeLessThan(0.1);
  });

  it('the curve reads as the truth does: strongest on day 1, weaker by day 14, below baseline for a week or more', () => {
    expect(result.days[0].rateRatio!).toBeLessThan(0.35);
    expect(result.days[13].rateRatio!).toBeGreaterThan(0.8);
    expect(result.horizonDays!).toBeGreaterThanOrEqual(7);
  });

  it('no displacement was simulated: the 10–25 km ring shows a ratio whose interval holds 1', () => {
    expect(covers(result.byVicinity['10-25'].ci95, 1)).toBe(true);
  });

  it('the reporting lag measured from the log is the true 90th percentile (2.5·ln 10 ≈ 5.8 days → 6)', () => {
    expect(result.reportingLag).toMatchObject({ days: 6, measured: true });
  });

  it('all windows ended long before asOf: nothing is provisional', () => {
    expect(result.provisional).toBe(false);
  });
});

describe('presence raises reporting: the curve without the unit present recovers the truth', () => {
  const scenario = generateScenario({ seed: 7, places: 24, days: 730, ratePerDay: 0.1, ownUnitBoost: 0.6 });
  const result = computeDeterrence({ episodes: scenario.episodes, incidents: scenario.incidents, asOf: scenario.asOf, vicinities: [] });
  const truth = trueRatio(result.days, scenario.suppression);

  it('without the own unit’s reports the interval holds the true ratio; with them the ratio is inflated', () => {
    expect(covers(result.withoutOwnUnit.ci95, truth)).toBe(true);
    expect(result.rateRatio!).toBeGreaterThan(result.withoutOwnUnit.rateRatio! * 1.3);
  });
});

describe('coverage of the exact 95% interval over repeated histories', () => {
  it('holds the true rate ratio in about 95% of runs (Clopper–Pearson errs a little wide)', () => {
    const runs = 300;
    let covered = 0;
    for (let run = 0; run < runs; run++) {
      const s = generateScenario({ seed: 1000 + run, places: 8, days: 300, ratePerDay: 0.08 });
      const r = computeDeterrence({ episodes: s.episodes, incidents: s.incidents, asOf: s.asOf, vicinities: [] });
      if (covers(r.ci95, trueRatio(r.days, s.suppression))) covered++;
    }
    const coverage = covered / runs;
    console.log(`coverage of the 95% interval: ${(coverage * 100).toFixed(1)}% of ${runs} runs`);
    expect(coverage).toBeGreaterThanOrEqual(0.92);
    expect(coverage).toBeLessThanOrEqual(0.995);
    // ≈2.5 s alone; the margin is for a machine busy with other suites.
  }, 20_000);

  it('the conditional binomial interval alone, on Poisson counts of known means, covers ≈95%', () => {
    // A check of the statistics without the engine: X ~ Poisson(t1·λ·RR), Y ~ Poisson(t0·λ).
    const rr = 0.5;
    let covered = 0;
    const runs = 2000;
    let seed = 1;
    const next = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const poisson = (mean: number) => {
      let k = 0;
      for (let p = next(), limit = Math.exp(-mean); p > limit; p *= next()) k++;
      return k;
    };
    for (let run = 0; run < runs; run++) {
      const x = poisson(100 * 0.1 * rr);
      const y = poisson(300 * 0.1);
      if (covers(rateRatioInterval({ x, t1: 100, y, t0: 300 }).ci95, rr)) covered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.93);
  });
});
