import { Logger } from '@nestjs/common';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ThreadedSqliteEventStore } from '@poc/event-store';
import { SqliteCallerKeyStore } from '@poc/privacy';
import { SqliteReadModelStore } from '@poc/projections';
import type { AppConfig } from '../config/app-config';
import { WRITER_THREAD_PROJECTOR, type WriterThreadProjectorOptions } from '../projector/feeds/writer-thread.plugin';
import { openReadModelConnection } from './read-model-connection';

export const SQLITE_FILE = 'poc.sqlite';
/** A file of its own, so copying the events' file never copies the keys that open callers. */
export const CALLER_KEYS_FILE = 'caller-keys.sqlite';

/** SQLite creates files as the umask allows (often 0644); journals it makes later copy these. */
const ownerOnly = (...files: string[]): void => {
  for (const f of files) if (existsSync(f)) chmodSync(f, 0o600);
};

export type EmbeddedOptions = Readonly<{
  /**
   * Whether the main thread's read-model connection may run WAL checkpoints: no for a serving
   * app (its checkpoints happen in the writer thread); yes for the analysts' CLI, whose
   * rebuild writes read models from its main thread and would otherwise grow the WAL unbounded.
   */
  mainThreadCheckpoints?: boolean;
}>;

/**
 * The embedded default: one SQLite file holds the events and the read models. The writes go
 * to a writer thread (ThreadedSqliteEventStore), which also runs the projector once
 * `startProjector` is called; this thread reads, on connections that never checkpoint.
 */
export const openEmbedded = async (config: AppConfig, options: EmbeddedOptions = {}) => {
  // Events, read models and callers' keys: for the service's user alone (0700 / 0600).
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const file = join(config.DATA_DIR, SQLITE_FILE);
  const logger = new Logger('SqliteWriterThread');
  const eventStore = await ThreadedSqliteEventStore.open(file, { onLog: (level, message) => logger[level](message) });
  try {
    const readDb = openReadModelConnection(file, { checkpoints: options.mainThreadCheckpoints ?? false });
    const callerKeys = new SqliteCallerKeyStore(join(config.DATA_DIR, CALLER_KEYS_FILE));
    ownerOnly(file, `${file}-wal`, `${file}-shm`, join(config.DATA_DIR, CALLER_KEYS_FILE));
    return {
      eventStore,
      readModelStore: new SqliteReadModelStore(readDb),
      callerKeys,
      startProjector: async (): Promise<number> => (await eventStore.startInWriterThread(WRITER_THREAD_PROJECTOR, { file } satisfies WriterThreadProjectorOptions)) as number,
      close: async () => {
        await eventStore.close();
        await callerKeys.close();
        readDb.close();
      },
    };
  } catch (error) {
    await eventStore.close();
    throw error;
  }
};
