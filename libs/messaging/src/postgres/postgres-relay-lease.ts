import type { Pool, PoolClient } from 'pg';
import type { RelayLease } from '../relay/relay.ports';

const RELAY_LOCK_KEY = 7130002;

/**
 * A session-level advisory lock held on a dedicated connection: PostgreSQL releases it the
 * moment the holder's connection dies, so a waiting relay takes over without any timeout
 * guesswork. The holder probes its connection to notice losing it.
 */
export class PostgresRelayLease implements RelayLease {
  private client?: PoolClient;
  private probe?: NodeJS.Timeout;
  private resolveLost!: (reason: string) => void;
  readonly lost = new Promise<string>((resolve) => (this.resolveLost = resolve));

  constructor(
    private readonly pool: Pool,
    private readonly pollMs = 1000,
  ) {}

  async acquire(): Promise<void> {
    for (;;) {
      try {
        const client = await this.pool.connect();
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RELAY_LOCK_KEY]);
        if (rows[0]?.ok) {
          this.hold(client);
          return;
        }
        client.release();
      } catch {
        // The database is unreachable: keep waiting, as a follower would.
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  private hold(client: PoolClient): void {
    this.client = client;
    const lose = (reason: string) => {
      clearInterval(this.probe);
      this.resolveLost(reason);
    };
    client.on('error', (error) => lose(`lease connection failed: ${error.message}`));
    this.probe = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => lose(`lease connection failed: ${error.message}`));
    }, this.pollMs);
  }

  async release(): Promise<void> {
    clearInterval(this.probe);
    const client = this.client;
    this.client = undefined;
    if (!client) return;
    await client.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
