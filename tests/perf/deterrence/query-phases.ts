/**
 * Where a GET /deterrence spends its time, in process on a seeded DATA_DIR: the same three
 * steps as DeterrenceController.compute (focal presences, engine inputs through the fetch
 * plan, the pure engine), each timed. The HTTP figures say whether the target is met; these
 * say what limits it.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore, upcasting } from '@poc/event-store';
import { SqliteReadModelStore } from '@poc/projections';
import { DeterrenceInputs } from '../../../apps/query-api/src/deterrence/deterrence-inputs.service';
import { ReadModels } from '../../../apps/query-api/src/shared/read-models.service';
import { computeDeterrence, DEFAULT_RADIUS_KM, type EpisodeFilter } from '@poc/deterrence';
import { type AppConfig } from '@poc/platform/config';

export type Phases = Readonly<{ focalMs: number; inputsMs: number; engineMs: number; presences: number; episodes: number; incidents: number; pooled: number }>;

const since = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

export const openQueryPath = (dataDir: string) => {
  const file = join(dataDir, 'poc.sqlite');
  const events = upcasting(new SqliteEventStore(file));
  const db = new Database(file, { readonly: true });
  const readModels = new ReadModels(new SqliteReadModelStore(db), events, { BUS: 'inprocess', MIN_POSITION_WAIT_MS: 0 } as AppConfig);
  const inputs = new DeterrenceInputs(readModels);
  return {
    phases: async (filter: EpisodeFilter, radiusKm = DEFAULT_RADIUS_KM): Promise<Phases> => {
      const asOf = new Date().toISOString();
      let t = process.hrtime.bigint();
      const focal = await inputs.focal(filter, asOf);
      const focalMs = since(t);
      t = process.hrtime.bigint();
      const engineInputs = await inputs.forPresences(focal, { radiusKm, asOf });
      const inputsMs = since(t);
      t = process.hrtime.bigint();
      const result = computeDeterrence({ ...engineInputs, asOf, radiusKm, filter });
      const engineMs = since(t);
      return { focalMs, inputsMs, engineMs, presences: focal.length, episodes: engineInputs.episodes.length, incidents: engineInputs.incidents.length, pooled: result.episodes };
    },
    close: async () => {
      await events.close();
      db.close();
    },
  };
};
