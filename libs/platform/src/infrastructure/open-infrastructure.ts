import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { PostgresEventStore, SqliteEventStore, upcasting, type EventStore } from '@poc/event-store';
import { PostgresCallerKeyStore, SqliteCallerKeyStore, type CallerKeyStore } from '@poc/privacy';
import { ALL_PROJECTIONS, PostgresReadModelStore, ProjectionRunner, SqliteReadModelStore, type ReadModelStore } from '@poc/projections';
import type { AppConfig } from '../config/app-config';
import { openKafka, type KafkaInfrastructure } from './kafka-infrastructure';

export type Infrastructure = Readonly<{
  eventStore: EventStore;
  readModelStore: ReadModelStore;
  runner: ProjectionRunner;
  /** Callers' keys, apart from the events (docs/security.md). */
  callerKeys: CallerKeyStore;
  /** Present in the distributed mode: the PostgreSQL pool shared by store and read models. */
  pool?: Pool;
  kafka?: KafkaInfrastructure;
  close: () => Promise<void>;
}>;

export const SQLITE_FILE = 'poc.sqlite';
/** A file of its own, so copying the events' file never copies the keys that open callers. */
export const CALLER_KEYS_FILE = 'caller-keys.sqlite';

/** SQLite creates files as the umask allows (often 0644); journals it makes later copy these. */
const ownerOnly = (...files: string[]): void => {
  for (const f of files) if (existsSync(f)) chmodSync(f, 0o600);
};

/**
 * The embedded default: one SQLite file holds the events and the read models. Two
 * connections, so the projector's reads never sit inside an append's transaction.
 */
const openSqlite = (config: AppConfig): { eventStore: EventStore; readModelStore: ReadModelStore; callerKeys: CallerKeyStore; close: () => Promise<void> } => {
  // Events, read models and callers' keys: for the service's user alone (0700 / 0600).
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const file = join(config.DATA_DIR, SQLITE_FILE);
  const eventStore = new SqliteEventStore(file);
  const readDb = new Database(file);
  readDb.pragma('journal_mode = WAL');
  // Read models can be rebuilt from the events, so they need no fsync per commit.
  readDb.pragma('synchronous = NORMAL');
  readDb.pragma('busy_timeout = 5000');
  const callerKeys = new SqliteCallerKeyStore(join(config.DATA_DIR, CALLER_KEYS_FILE));
  ownerOnly(file, `${file}-wal`, `${file}-shm`, join(config.DATA_DIR, CALLER_KEYS_FILE));
  return {
    eventStore,
    readModelStore: new SqliteReadModelStore(readDb),
    callerKeys,
    close: async () => {
      await eventStore.close();
      await callerKeys.close();
      readDb.close();
    },
  };
};

/** The distributed mode: events and read models in PostgreSQL (one pool), Kafka when BUS=kafka. */
const openPostgres = async (config: AppConfig) => {
  const pool = new Pool({ connectionString: config.DATABASE_URL, max: 20, connectionTimeoutMillis: 5_000 });
  // An idle client losing its connection (a database restart) must not crash the process.
  pool.on('error', () => undefined);
  const eventStore = await PostgresEventStore.open(pool);
  return { pool, eventStore, readModelStore: new PostgresReadModelStore(pool), callerKeys: await PostgresCallerKeyStore.open(pool) };
};

export const openInfrastructure = async (config: AppConfig): Promise<Infrastructure> => {
  const stores = config.EVENT_STORE === 'postgres' ? await openPostgres(config) : openSqlite(config);
  // Every reader (deciders, projections, the relay, exports, GET /streams) gets events at their
  // current schema version; stored rows are never rewritten (docs/schema-evolution.md).
  const eventStore = upcasting(stores.eventStore);
  const runner = new ProjectionRunner(stores.readModelStore, ALL_PROJECTIONS);
  await runner.init();
  const kafka = config.BUS === 'kafka' ? await openKafka(config) : undefined;
  const pool = 'pool' in stores ? stores.pool : undefined;
  return {
    eventStore,
    readModelStore: stores.readModelStore,
    runner,
    callerKeys: stores.callerKeys,
    ...(pool && { pool }),
    ...(kafka && { kafka }),
    close: async () => {
      await kafka?.producer.disconnect().catch(() => undefined);
      await kafka?.admin.disconnect().catch(() => undefined);
      await eventStore.close();
      if ('close' in stores) await stores.close();
      await pool?.end();
    },
  };
};
