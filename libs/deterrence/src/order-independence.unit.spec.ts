import fc from 'fast-check';
import { offsetKm } from '@poc/projections/testing';
import { computeDeterrence, type DeterrenceInput } from './compute-deterrence';
import { episode, incident, noon, OGOSSAGOU } from '@poc/deterrence/testing';

/**
 * The engine reads sets: any order of its episode and incident arrays (the order a database
 * or a consumer happens to give) must give the same result, to the last bit.
 */
const point = fc.record({ bearing: fc.integer({ min: 0, max: 359 }), km: fc.integer({ min: 0, max: 30 }) });
const day = fc.integer({ min: 0, max: 90 }).map((d) => new Date(Date.UTC(2020, 1, 1 + d)).toISOString().slice(0, 10));

const inputArb = fc
  .record({
    episodes: fc.array(
      fc.record({ p: point, from: day, stay: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), base: fc.boolean(), trigger: fc.nat(20) }),
      { minLength: 1, maxLength: 6 },
    ),
    incidents: fc.array(
      fc.record({ p: point, at: day, lag: fc.integer({ min: 0, max: 20 }), unit: fc.boolean(), civilians: fc.boolean(), precision: fc.constantFrom(1, 2, 3) as fc.Arbitrary<1 | 2 | 3> }),
      { maxLength: 25 },
    ),
    asOf: fc.integer({ min: 30, max: 120 }).map((d) => new Date(Date.UTC(2020, 1, 1 + d)).toISOString()),
  })
  .map(({ episodes, incidents, asOf }): DeterrenceInput => ({
    asOf,
    episodes: episodes.map((e, i) =>
      episode(`e${i}`, offsetKm(OGOSSAGOU, e.p.bearing, e.p.km), noon(e.from), e.stay === undefined ? undefined : new Date(Date.parse(noon(e.from)) + e.stay * 86_400_000).toISOString(), {
        ...(e.base && { kind: 'base' as const, triggerIncidentId: `i${e.trigger}` }),
      }),
    ),
    incidents: incidents.map((x, i) =>
      incident(`i${i}`, offsetKm(OGOSSAGOU, x.p.bearing, x.p.km), noon(x.at), {
        recordedAt: new Date(Date.parse(noon(x.at)) + x.lag * 86_400_000).toISOString(),
        targetsCivilians: x.civilians,
        precision: x.precision,
        ...(x.unit && { reportingUnit: 'BANBAT-1' }),
      }),
    ),
    groupBy: ['operation', 'month'],
    retaliationVerdicts: { i1: 'not-retaliation', i2: 'retaliation' },
  }));

describe('order independence of the deterrence engine', () => {
  it('shuffled episode and incident arrays give an identical result', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), (input, s1, s2) => {
        const shuffle = <T>(items: readonly T[], seed: number): T[] => {
          const out = [...items];
          let state = seed || 1;
          for (let i = out.length - 1; i > 0; i--) {
            state = (state * 16807) % 2147483647;
            const j = state % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const canonical = computeDeterrence(input);
        const shuffled = computeDeterrence({ ...input, episodes: shuffle(input.episodes, s1), incidents: shuffle(input.incidents, s2) });
        expect(shuffled).toStrictEqual(canonical);
      }),
      { numRuns: 150 },
    );
  });
});
