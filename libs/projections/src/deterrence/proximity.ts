import { distanceKm } from '@poc/domain';
import { latLngToCell } from 'h3-js';
import type { TimedEpisode } from './episodes';
import { cellsWithin } from './vicinity';

/** An episode (by its index in the sorted list) and its haversine distance. */
export type Near = Readonly<{ index: number; km: number }>;

type Point = Readonly<{ lat: number; lon: number }>;

/**
 * The index's own H3 resolution (cells of ≈253 km², edge ≈8.5 km), coarser than the read
 * models' 7: filing each episode under every resolution-7 cell of its 25 km disk (1,141
 * cells) was most of a pooled query's time (a 60-episode query spent ~400 ms building the
 * index, tests/perf/deterrence.bench.ts); at 5 the same disk is 61 cells, and a lookup
 * checks a few more candidates by haversine. Exactness does not depend on the resolution:
 * the disk errs large at any (vicinity.unit.spec.ts), and haversine decides.
 */
export const INDEX_RESOLUTION = 5;

/**
 * An H3 index of episodes: each is filed under every cell of its disk of `maxKm`, so the
 * episodes that may lie within maxKm of a point are those filed under the point's cell; the
 * haversine distance then decides. Lookups cost the few episodes nearby, never all of them.
 */
export class EpisodeIndex {
  private readonly byCell = new Map<string, number[]>();

  constructor(
    private readonly episodes: readonly TimedEpisode[],
    readonly maxKm: number,
  ) {
    const disks = new Map<string, string[]>();
    episodes.forEach((t, index) => {
      const { lat, lon } = t.episode.point;
      const centre = latLngToCell(lat, lon, INDEX_RESOLUTION);
      // cellsWithin depends on the centre's cell only: episodes in one cell share a disk.
      let cells = disks.get(centre);
      if (!cells) disks.set(centre, (cells = cellsWithin(t.episode.point, maxKm, INDEX_RESOLUTION)));
      for (const cell of cells) {
        const list = this.byCell.get(cell);
        if (list) list.push(index);
        else this.byCell.set(cell, [index]);
      }
    });
  }

  /** Episodes within maxKm of the point, in index (episode id) order. */
  near(point: Point): Near[] {
    const candidates = this.byCell.get(latLngToCell(point.lat, point.lon, INDEX_RESOLUTION)) ?? [];
    const found: Near[] = [];
    for (const index of candidates) {
      const km = distanceKm(this.episodes[index].episode.point, point);
      if (km <= this.maxKm) found.push({ index, km });
    }
    return found;
  }

  /** The other episodes within maxKm of episode `index`. */
  neighbours(index: number): Near[] {
    return this.near(this.episodes[index].episode.point).filter((n) => n.index !== index);
  }
}
