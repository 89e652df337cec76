import type { Pool, PoolClient } from 'pg';

/**
 * A client checked out of a pool, with its errors handled for as long as it is held.
 *
 * pg-pool removes its own 'error' listener from a client when it hands it out: a connection
 * that dies while checked out (a PostgreSQL restart, SQLSTATE 57P01, a dropped socket) with
 * no query running emits 'error' on a client nobody listens to, and Node ends the process.
 * So every checkout in this code base goes through `checkout` (a lint rule forbids
 * `pool.connect()` elsewhere), which listens from the first moment to the last.
 */
export type HeldClient = Readonly<{
  client: PoolClient;
  /** The error the connection failed with while held, if it did. */
  failure: () => Error | undefined;
  /**
   * Gives the client back. One whose connection failed, or released with a cause that may
   * have left it unusable, is destroyed rather than pooled again. Idempotent.
   */
  release: (cause?: unknown) => void;
}>;

export type CheckoutOptions = Readonly<{
  /** Told when the connection fails while held (a lease holder, say, must know at once). */
  onError?: (error: Error) => void;
}>;

export const checkout = async (pool: Pool, options: CheckoutOptions = {}): Promise<HeldClient> => {
  const client = await pool.connect();
  let failed: Error | undefined;
  let released = false;
  const onError = (error: Error): void => {
    failed ??= error;
    options.onError?.(error);
  };
  client.on('error', onError);
  return {
    client,
    failure: () => failed,
    release: (cause?: unknown) => {
      if (released) return;
      released = true;
      client.off('error', onError);
      const broken = failed ?? (leavesClientUnusable(cause) ? cause : undefined);
      if (broken === undefined) client.release();
      else client.release(broken instanceof Error ? broken : true);
    },
  };
};

/** Runs `work` on a held client and gives it back however `work` ends. */
export const withClient = async <T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> => {
  const held = await checkout(pool);
  try {
    const result = await work(held.client);
    held.release();
    return result;
  } catch (error) {
    held.release(error);
    throw error;
  }
};

/** BEGIN, `work`, COMMIT; ROLLBACK when `work` throws (a broken connection rolls back on the server). */
export const inTransaction = <T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> =>
  withClient(pool, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });

/**
 * A statement refused by the server (a constraint, a lock timeout: a five-character SQLSTATE
 * outside the connection classes) leaves the connection fit to reuse; anything else — a
 * socket error, a terminated backend (class 57), a connection exception (class 08), a
 * client-side failure halfway through a protocol exchange — may not.
 */
export const leavesClientUnusable = (cause: unknown): boolean => {
  if (cause === undefined) return false;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57');
};
