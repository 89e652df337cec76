import type { Pool } from 'pg';
import { createPool } from '@poc/postgres';
import { PostgresEventStore, upcasting, type EventStore } from '@poc/event-store';
import { PostgresCallerKeyStore, type CallerKeyStore } from '@poc/privacy';
import { ALL_PROJECTIONS, PostgresReadModelStore, ProjectionRunner, type ReadModelStore } from '@poc/projections';
import type { AppConfig } from '../config/app-config';
import { openKafka, type KafkaInfrastructure } from './kafka-infrastructure';
import { openEmbedded, type EmbeddedOptions } from './open-embedded';

export { CALLER_KEYS_FILE, SQLITE_FILE, type EmbeddedOptions } from './open-embedded';

/** Injection token of the opened Infrastructure (stores, bus, close). */
export const INFRASTRUCTURE = Symbol('INFRASTRUCTURE');

export type Infrastructure = Readonly<{
  eventStore: EventStore;
  readModelStore: ReadModelStore;
  runner: ProjectionRunner;
  /** Callers' keys, apart from the events (docs/security.md). */
  callerKeys: CallerKeyStore;
  /** Present in the distributed mode: the PostgreSQL pool shared by store and read models. */
  pool?: Pool;
  kafka?: KafkaInfrastructure;
  /**
   * Embedded only: starts the projector in the SQLite writer thread, beside the appends
   * (the projector's writer-thread feed calls it instead of following the store here); resolves with the
   * position it starts from.
   */
  startEmbeddedProjector?: () => Promise<number>;
  close: () => Promise<void>;
}>;

/** The distributed mode: events and read models in PostgreSQL (one pool), Kafka when BUS=kafka. */
const openPostgres = async (config: AppConfig) => {
  // An idle client losing its connection (a database restart) must not crash the process: createPool listens.
  const pool = createPool({ connectionString: config.DATABASE_URL, max: 20, connectionTimeoutMillis: 5_000 });
  const eventStore = await PostgresEventStore.open(pool);
  return { pool, eventStore, readModelStore: new PostgresReadModelStore(pool), callerKeys: await PostgresCallerKeyStore.open(pool) };
};

export const openInfrastructure = async (config: AppConfig, options: EmbeddedOptions = {}): Promise<Infrastructure> => {
  const stores = config.EVENT_STORE === 'postgres' ? await openPostgres(config) : await openEmbedded(config, options);
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
    ...('startProjector' in stores && { startEmbeddedProjector: stores.startProjector }),
    close: async () => {
      await kafka?.producer.disconnect().catch(() => undefined);
      await kafka?.admin.disconnect().catch(() => undefined);
      await eventStore.close();
      if ('close' in stores) await stores.close();
      await pool?.end();
    },
  };
};
