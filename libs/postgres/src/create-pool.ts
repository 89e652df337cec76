import { Pool, type PoolConfig } from 'pg';

/**
 * The one way to make a pool here (a lint rule forbids `new Pool` elsewhere): an idle
 * client whose server went away emits 'error' on the pool, and without a listener that
 * ends the process. The pool drops that client by itself; the next checkout connects anew.
 */
export const createPool = (config: PoolConfig, onIdleError: (error: Error) => void = () => undefined): Pool => {
  const pool = new Pool(config);
  pool.on('error', onIdleError);
  return pool;
};
