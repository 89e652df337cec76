import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@poc/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelStore, type ReadModelStore } from '@poc/projections';
import type { AppConfig } from '../config/app-config';

export type Infrastructure = Readonly<{
  eventStore: EventStore;
  readModelStore: ReadModelStore;
  runner: ProjectionRunner;
  close: () => Promise<void>;
}>;

export const SQLITE_FILE = 'poc.sqlite';

/**
 * The embedded default: one SQLite file holds the events and the read models. Two
 * connections, so the projector's reads never sit inside an append's transaction.
 */
export const openInfrastructure = async (config: AppConfig): Promise<Infrastructure> => {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const file = join(config.DATA_DIR, SQLITE_FILE);
  const eventStore = new SqliteEventStore(file);
  const readDb = new Database(file);
  readDb.pragma('journal_mode = WAL');
  // Read models can be rebuilt from the events, so they need no fsync per commit.
  readDb.pragma('synchronous = NORMAL');
  readDb.pragma('busy_timeout = 5000');
  const readModelStore = new SqliteReadModelStore(readDb);
  const runner = new ProjectionRunner(readModelStore, ALL_PROJECTIONS);
  await runner.init();
  return {
    eventStore,
    readModelStore,
    runner,
    close: async () => {
      await eventStore.close();
      readDb.close();
    },
  };
};
