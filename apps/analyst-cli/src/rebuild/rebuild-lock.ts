import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { checkout } from '@poc/postgres';
import { CliError } from '../shared/cli-error';

/** pg_advisory_lock key of rebuilds (the read-model DDL uses 7130001). */
const REBUILD_LOCK = 7130002;
const BUSY = 'another rebuild is running on these read models; wait for it to finish (an interrupted one holds no lock)';

export type Release = () => Promise<void>;

/**
 * One rebuild at a time per database: two would write the same shadow tables. PostgreSQL:
 * a session advisory lock, released when the process ends however it ends. SQLite: a lock
 * file holding the pid, taken over when that process is gone.
 */
export const lockRebuilds = async (where: { pool: Pool } | { dataDir: string }): Promise<Release> => {
  if ('pool' in where) {
    // A lost connection frees the lock on the server; the rebuild's own queries then fail and say why.
    const held = await checkout(where.pool);
    try {
      const { rows } = await held.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [REBUILD_LOCK]);
      if (!rows[0]?.locked) throw new CliError(BUSY);
    } catch (error) {
      held.release(error instanceof CliError ? undefined : error);
      throw error;
    }
    return async () => {
      await held.client.query('SELECT pg_advisory_unlock($1)', [REBUILD_LOCK]).catch(() => undefined);
      held.release();
    };
  }
  const file = join(where.dataDir, 'rebuild.lock');
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return async () => unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (attempt > 0 || isAlive(Number(readFileSync(file, 'utf8')))) throw new CliError(BUSY);
      unlinkSync(file); // left by a killed rebuild
    }
  }
};

const isAlive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
