import type { Pool } from 'pg';
import type { RelayCheckpoints } from '../relay/relay.ports';

/** The relay's acknowledged position, in the event store's own database. */
export class PostgresRelayCheckpoints implements RelayCheckpoints {
  private ready?: Promise<unknown>;

  constructor(
    private readonly pool: Pool,
    private readonly name = 'kafka',
  ) {}

  private init(): Promise<unknown> {
    this.ready ??= this.pool
      .query('CREATE TABLE IF NOT EXISTS relay_checkpoints (name TEXT PRIMARY KEY, position BIGINT NOT NULL)')
      .catch((error: unknown) => {
        this.ready = undefined; // try again next time: the database may be back
        throw error;
      });
    return this.ready;
  }

  async load(): Promise<number> {
    await this.init();
    const { rows } = await this.pool.query<{ position: string }>('SELECT position FROM relay_checkpoints WHERE name = $1', [this.name]);
    return rows[0] ? Number(rows[0].position) : 0;
  }

  async save(position: number): Promise<void> {
    await this.init();
    await this.pool.query(
      `INSERT INTO relay_checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(relay_checkpoints.position, EXCLUDED.position)`,
      [this.name, position],
    );
  }
}
