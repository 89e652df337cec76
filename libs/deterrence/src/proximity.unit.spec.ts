import fc from 'fast-check';
import { distanceKm } from '@poc/domain';
import { offsetKm } from '@poc/projections/testing';
import { timedEpisodes } from './episodes';
import { EpisodeIndex } from './proximity';
import { episode, noon } from '@poc/deterrence/testing';

/** What the index must give: every episode within maxKm by haversine, in index order. */
const bruteForce = (points: readonly { lat: number; lon: number }[], at: { lat: number; lon: number }, maxKm: number) =>
  points.flatMap((p, index) => (distanceKm(p, at) <= maxKm ? [{ index, km: distanceKm(p, at) }] : []));

const indexOf = (points: readonly { lat: number; lon: number }[], maxKm: number) => {
  // Ids sort in index order: e000, e001…
  const episodes = points.map((p, i) => episode(`e${String(i).padStart(3, '0')}`, p, noon('2020-03-01'), noon('2020-03-02')));
  return new EpisodeIndex(timedEpisodes(episodes, '2020-06-01T00:00:00Z'), maxKm);
};

const centreArb = fc.record({
  lat: fc.double({ min: -89.9, max: 89.9, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});

describe('EpisodeIndex (latitude/longitude buckets)', () => {
  it('finds exactly the episodes within maxKm, anywhere on the globe (poles and the antimeridian included)', () => {
    fc.assert(
      fc.property(
        centreArb,
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.array(fc.record({ bearing: fc.double({ min: 0, max: 360, noNaN: true }), fraction: fc.double({ min: 0, max: 2, noNaN: true }) }), { minLength: 1, maxLength: 30 }),
        (centre, maxKm, offsets) => {
          const points = offsets.map((o) => offsetKm(centre, o.bearing, maxKm * o.fraction));
          const index = indexOf(points, maxKm);
          expect(index.near(centre)).toEqual(bruteForce(points, centre, maxKm));
          for (const p of points.slice(0, 5)) expect(index.near(p)).toEqual(bruteForce(points, p, maxKm));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds a point on the circle (the disk includes its edge), across the antimeridian too', () => {
    for (const centre of [{ lat: 14.15, lon: -3.62 }, { lat: 0, lon: 179.99 }, { lat: -60, lon: -179.95 }, { lat: 89.5, lon: 10 }]) {
      const edge = offsetKm(centre, 77, 25);
      const km = distanceKm(centre, edge);
      expect(indexOf([edge], km).near(centre)).toEqual([{ index: 0, km }]);
    }
  });

  it('takes a longitude given beyond ±180 as the same meridian, and finds an episode once (a case fast-check found)', () => {
    const centre = { lat: 89.42717634524205, lon: 179.99990865647342 };
    const far = offsetKm(centre, 0, 160.6664); // over the pole: lon ≈ 360
    const index = indexOf([far], 80.333194976206);
    expect(index.near(far)).toEqual([{ index: 0, km: 0 }]);
    expect(index.near(centre)).toEqual([]);
  });

  it('leaves an episode itself out of its neighbours', () => {
    const index = indexOf([{ lat: 14, lon: -3 }, offsetKm({ lat: 14, lon: -3 }, 0, 5), offsetKm({ lat: 14, lon: -3 }, 0, 40)], 25);
    expect(index.neighbours(0).map((n) => n.index)).toEqual([1]);
  });
});
