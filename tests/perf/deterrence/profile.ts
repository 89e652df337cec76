/**
 * Profiles the in-process query path on a seeded DATA_DIR (never run by `npm test`):
 *
 *   node --cpu-prof --cpu-prof-dir <dir> -r @swc-node/register tests/perf/deterrence/profile.ts <dataDir> [runs]
 *
 * then `tests/perf/support/cpu-profile.ts <file>` for where the time went. Runs the bench's
 * queries `runs` times each (after one warm-up) and prints the median of each step.
 */
import { openQueryPath, type Phases } from './query-phases';
import { percentile } from '../support/bench-report';
import { type EpisodeFilter } from '@poc/deterrence';

const QUERIES: Readonly<{ label: string; filter: EpisodeFilter; radiusKm?: number }>[] = [
  { label: 'operation', filter: { operation: 'Sector 1 2015Q2' } },
  { label: 'month', filter: { from: '2015-05-01', to: '2015-05-31' } },
  { label: 'cercle-year', filter: { cercle: 'Cercle 4-1', from: '2015-01-01', to: '2015-12-31' } },
  { label: 'operation 25 km', filter: { operation: 'Sector 1 2015Q2' }, radiusKm: 25 },
];

const main = async () => {
  const [dataDir, runsArg] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: profile.ts <dataDir> [runs]');
  const runs = Number(runsArg ?? 10);
  const path = openQueryPath(dataDir);
  try {
    for (const q of QUERIES) {
      const all: Phases[] = [];
      for (let i = 0; i <= runs; i++) all.push(await path.phases(q.filter, q.radiusKm));
      const med = (f: (p: Phases) => number) => percentile(all.slice(1).map(f), 0.5).toFixed(1);
      const p = all[all.length - 1]!;
      console.log(`${q.label}: focal ${p.presences}, context ${p.episodes}, incidents ${p.incidents}, pooled ${p.pooled}; focal ${med((x) => x.focalMs)} ms, inputs ${med((x) => x.inputsMs)} ms, engine ${med((x) => x.engineMs)} ms`);
    }
  } finally {
    await path.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
