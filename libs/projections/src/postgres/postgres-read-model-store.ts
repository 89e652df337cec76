import type { Pool, PoolClient } from 'pg';
import type { CollectionSpec, ColumnValue } from '../projection';
import {
  ConcurrentDocUpdate,
  type Condition,
  type DocWrite,
  type FindQuery,
  type ReadModelCommit,
  type ReadModelStore,
  type StoredDoc,
} from '../read-model-store.port';
import { groupClause, orderClause, quoteIdent, tableOf, whereClause } from '../sql/sql-fragments';

const PG_TYPES = { text: 'TEXT', integer: 'BIGINT', real: 'DOUBLE PRECISION' } as const;
const dollar = (i: number): string => `$${i}`;
/** Code-point order, the same in every process whatever its locale. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Read models in PostgreSQL, shaped like the SQLite ones. Writes check the revision the
 * document was loaded at (`UPDATE … WHERE rev = $n`), so two projector instances touching
 * the same document cannot lose each other's update: the loser retries its batch.
 * A commit takes its row locks in one global order (documents by collection and key, then
 * stream versions, then checkpoints), so two commits wait for each other but never deadlock.
 */
export class PostgresReadModelStore implements ReadModelStore {
  constructor(private readonly pool: Pool) {}

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    const ddl = [
      'CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position BIGINT NOT NULL)',
      `CREATE TABLE IF NOT EXISTS rm_stream_versions (projection TEXT NOT NULL, stream_id TEXT NOT NULL, version BIGINT NOT NULL,
         PRIMARY KEY (projection, stream_id))`,
    ];
    for (const spec of specs) {
      const columns = Object.entries(spec.columns).map(([name, type]) => `, ${quoteIdent(name)} ${PG_TYPES[type]}`).join('');
      ddl.push(`CREATE TABLE IF NOT EXISTS ${tableOf(spec)} (key TEXT PRIMARY KEY, rev BIGINT NOT NULL, doc JSONB NOT NULL${columns})`);
      for (const index of spec.indexes) {
        // NULLS FIRST as `find` sorts (NULL smallest), so that an index serves both directions.
        const columns = index.map((c) => `${quoteIdent(c)} NULLS FIRST`).join(', ');
        ddl.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${spec.name}_${index.join('_')}`)} ON ${tableOf(spec)} (${columns})`);
      }
    }
    // Several projector instances may start at once: serialise their DDL.
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(7130001)');
      for (const statement of ddl) await client.query(statement);
    });
  }

  async load(collection: CollectionSpec, keys: readonly string[]): Promise<Map<string, StoredDoc>> {
    if (keys.length === 0) return new Map();
    const { rows } = await this.pool.query<{ key: string; rev: string; doc: unknown }>(
      `SELECT key, rev, doc FROM ${tableOf(collection)} WHERE key = ANY($1)`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, { key: r.key, rev: Number(r.rev), doc: r.doc }]));
  }

  async appliedVersions(projection: string, streamIds: readonly string[]): Promise<Map<string, number>> {
    if (streamIds.length === 0) return new Map();
    const { rows } = await this.pool.query<{ stream_id: string; version: string }>(
      'SELECT stream_id, version FROM rm_stream_versions WHERE projection = $1 AND stream_id = ANY($2)',
      [projection, streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, Number(r.version)]));
  }

  async commit({ writes, checkpoints, streamVersions }: ReadModelCommit): Promise<void> {
    const inLockOrder = {
      writes: [...writes].sort((a, b) => byText(a.collection.name, b.collection.name) || byText(a.key, b.key)),
      streamVersions: [...streamVersions].sort((a, b) => byText(a.projection, b.projection) || byText(a.streamId, b.streamId)),
      checkpoints: [...checkpoints].sort((a, b) => byText(a.projection, b.projection)),
    };
    await this.inTransaction(async (client) => {
      for (const write of inLockOrder.writes) await this.write(client, write);
      for (const v of inLockOrder.streamVersions) {
        await client.query(
          `INSERT INTO rm_stream_versions (projection, stream_id, version) VALUES ($1, $2, $3)
           ON CONFLICT (projection, stream_id) DO UPDATE SET version = GREATEST(rm_stream_versions.version, EXCLUDED.version)`,
          [v.projection, v.streamId, v.version],
        );
      }
      for (const c of inLockOrder.checkpoints) {
        await client.query(
          `INSERT INTO rm_checkpoints (projection, position) VALUES ($1, $2)
           ON CONFLICT (projection) DO UPDATE SET position = GREATEST(rm_checkpoints.position, EXCLUDED.position)`,
          [c.projection, c.position],
        );
      }
    });
  }

  private async write(client: PoolClient, write: DocWrite): Promise<void> {
    const table = tableOf(write.collection);
    const names = Object.keys(write.collection.columns);
    const values = names.map((n) => write.columns[n] ?? null);
    if (write.doc === undefined && write.expectedRev === 0) {
      // Deleting what was absent when loaded: nothing to do, unless another projector has
      // created the document since (the batch was then folded from a stale state).
      const { rowCount } = await client.query(`SELECT 1 FROM ${table} WHERE key = $1`, [write.key]);
      if (rowCount !== 0) throw new ConcurrentDocUpdate(write.collection.name, write.key);
      return;
    }
    let result;
    if (write.doc === undefined) {
      result = await client.query(`DELETE FROM ${table} WHERE key = $1 AND rev = $2`, [write.key, write.expectedRev]);
    } else if (write.expectedRev === 0) {
      const cols = names.map((n) => `, ${quoteIdent(n)}`).join('');
      const params = names.map((_, i) => `, $${i + 4}`).join('');
      result = await client.query(
        `INSERT INTO ${table} (key, rev, doc${cols}) VALUES ($1, $2, $3${params}) ON CONFLICT (key) DO NOTHING`,
        [write.key, 1, JSON.stringify(write.doc), ...values],
      );
    } else {
      const sets = names.map((n, i) => `, ${quoteIdent(n)} = $${i + 5}`).join('');
      result = await client.query(`UPDATE ${table} SET rev = $3, doc = $4${sets} WHERE key = $1 AND rev = $2`, [
        write.key,
        write.expectedRev,
        write.expectedRev + 1,
        JSON.stringify(write.doc),
        ...values,
      ]);
    }
    if (result.rowCount !== 1) {
      throw new ConcurrentDocUpdate(write.collection.name, write.key);
    }
  }

  async checkpoint(projection: string): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE projection = $1', [projection]);
    return rows[0] ? Number(rows[0].position) : 0;
  }

  async find<Doc = unknown>(collection: CollectionSpec, query: FindQuery = {}): Promise<Doc[]> {
    const { sql, params } = whereClause(collection, query.where ?? [], dollar);
    const limit = query.limit !== undefined ? ` LIMIT ${Math.floor(query.limit)}` : '';
    const offset = query.offset !== undefined ? ` OFFSET ${Math.floor(query.offset)}` : '';
    const { rows } = await this.pool.query<{ doc: Doc }>(
      `SELECT doc FROM ${tableOf(collection)}${sql}${orderClause(collection, query.orderBy ?? [])}${limit}${offset}`,
      params,
    );
    return rows.map((r) => r.doc);
  }

  async countBy(collection: CollectionSpec, groupBy: readonly string[], where: readonly Condition[] = []) {
    const { sql, params } = whereClause(collection, where, dollar);
    const { select, group } = groupClause(collection, groupBy);
    const { rows } = await this.pool.query<Record<string, ColumnValue>>(
      `SELECT ${select}COUNT(*) AS count FROM ${tableOf(collection)}${sql}${group}`,
      params,
    );
    // node-postgres gives BIGINT as a string: integer columns come back as numbers, as from SQLite.
    const integers = groupBy.filter((c) => collection.columns[c] === 'integer');
    return rows.map((r) => {
      const row: Record<string, ColumnValue> & { count: number } = { ...r, count: Number(r.count) };
      for (const c of integers) if (row[c] !== null) row[c] = Number(row[c]);
      return row;
    });
  }

  async close(): Promise<void> {
    // The pool belongs to whoever opened it.
  }

  private async inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
