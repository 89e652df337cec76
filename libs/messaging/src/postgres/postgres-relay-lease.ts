import type { Pool } from 'pg';
import { checkout, type HeldClient } from '@poc/postgres';
import type { RelayLease } from '../relay/relay.ports';

const RELAY_LOCK_KEY = 7130002;

/**
 * A session-level advisory lock held on a dedicated connection: PostgreSQL releases it the
 * moment the holder's connection dies, so a waiting relay takes over without any timeout
 * guesswork. The holder learns of losing it from the connection's error, or from a probe.
 */
export class PostgresRelayLease implements RelayLease {
  private held?: HeldClient;
  private probe?: NodeJS.Timeout;
  private resolveLost!: (reason: string) => void;
  readonly lost = new Promise<string>((resolve) => (this.resolveLost = resolve));

  constructor(
    private readonly pool: Pool,
    private readonly pollMs = 1000,
  ) {}

  async acquire(): Promise<void> {
    for (;;) {
      let held: HeldClient | undefined;
      try {
        held = await checkout(this.pool, { onError: (error) => this.lose(`lease connection failed: ${error.message}`) });
        const { rows } = await held.client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RELAY_LOCK_KEY]);
        if (rows[0]?.ok && !held.failure()) {
          this.hold(held);
          return;
        }
        held.release();
      } catch (error) {
        // The database is unreachable: keep waiting, as a follower would.
        held?.release(error);
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }

  private hold(held: HeldClient): void {
    this.held = held;
    this.probe = setInterval(() => {
      held.client.query('SELECT 1').catch((error: Error) => this.lose(`lease connection failed: ${error.message}`));
    }, this.pollMs);
  }

  /** Only a held lease can be lost; an error while still acquiring just means "try again". */
  private lose(reason: string): void {
    if (!this.held) return;
    clearInterval(this.probe);
    const held = this.held;
    this.held = undefined;
    held.release(new Error(reason));
    this.resolveLost(reason);
  }

  async release(): Promise<void> {
    clearInterval(this.probe);
    const held = this.held;
    this.held = undefined;
    if (!held) return;
    await held.client.query('SELECT pg_advisory_unlock($1)', [RELAY_LOCK_KEY]).catch(() => undefined);
    held.release();
  }
}
