import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import type { CollectionSpec, ColumnValue } from '../projection';
import {
  ConcurrentDocUpdate,
  ReadModelSwapped,
  shadowName,
  type BlueGreenReadModelStore,
  type Condition,
  type DocWrite,
  type FindQuery,
  type ProjectionBuild,
  type ReadModelCommit,
  type ReadModelStore,
  type ShadowSwap,
  type StoredDoc,
  type SwapResult,
} from '../read-model-store.port';
import { groupClause, orderClause, quoteIdent, tableOf, whereClause } from '../sql/sql-fragments';

/** Text compares and sorts by code point, as in SQLite, whatever the database's own collation. */
const PG_TYPES = { text: 'TEXT COLLATE "C"', integer: 'BIGINT', real: 'DOUBLE PRECISION' } as const;
const dollar = (i: number): string => `$${i}`;
/** Code-point order, the same in every process whatever its locale. */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Serialises DDL between instances starting at once. */
const DDL_LOCK = 7130001;
const BUILDS_DDL = `CREATE TABLE IF NOT EXISTS rm_builds (projection TEXT PRIMARY KEY, version INTEGER NOT NULL,
  generation BIGINT NOT NULL, built_at TEXT NOT NULL)`;

/**
 * Read models in PostgreSQL, shaped like the SQLite ones. Writes check the revision the
 * document was loaded at (`UPDATE … WHERE rev = $n`), so two projector instances touching
 * the same document cannot lose each other's update: the loser retries its batch.
 * A commit takes its row locks in one global order (documents by collection and key, then
 * stream versions, then checkpoints), so two commits wait for each other but never deadlock.
 *
 * Blue/green: a fenced commit (`generations` given) first takes a share lock on the
 * projections' rows of `rm_builds`; a swap takes them for update before it locks the tables
 * (`ACCESS EXCLUSIVE`), so the two wait for each other in one order and never deadlock, and
 * no fenced commit can run between the swap's final catch-up and its commit.
 */
export class PostgresReadModelStore implements ReadModelStore, BlueGreenReadModelStore {
  private buildsTable?: Promise<void>;

  /**
   * `inTransaction`: a store whose every statement runs on that client, inside the
   * transaction its owner has begun (commits become savepoints). `swapShadows` hands one to
   * its catch-up; the owner commits or rolls back.
   */
  constructor(
    private readonly pool: Pool,
    private readonly inTransactionOf?: PoolClient,
  ) {
    if (inTransactionOf) this.buildsTable = Promise.resolve();
  }

  private query<R extends QueryResultRow>(text: string, params?: unknown[]): Promise<QueryResult<R>> {
    return this.inTransactionOf ? this.inTransactionOf.query<R>(text, params) : this.pool.query<R>(text, params);
  }

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    const ddl = [
      'CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position BIGINT NOT NULL)',
      `CREATE TABLE IF NOT EXISTS rm_stream_versions (projection TEXT NOT NULL, stream_id TEXT NOT NULL, version BIGINT NOT NULL,
         PRIMARY KEY (projection, stream_id))`,
      BUILDS_DDL,
    ];
    for (const spec of specs) {
      const columns = Object.entries(spec.columns).map(([name, type]) => `, ${quoteIdent(name)} ${PG_TYPES[type]}`).join('');
      ddl.push(`CREATE TABLE IF NOT EXISTS ${tableOf(spec)} (key ${PG_TYPES.text} PRIMARY KEY, rev BIGINT NOT NULL, doc JSONB NOT NULL${columns})`);
      for (const index of spec.indexes) {
        // NULLS FIRST as `find` sorts (NULL smallest), so that an index serves both directions.
        const columns = index.map((c) => `${quoteIdent(c)} NULLS FIRST`).join(', ');
        ddl.push(`CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${spec.name}_${index.join('_')}`)} ON ${tableOf(spec)} (${columns})`);
      }
    }
    // Several projector instances may start at once: serialise their DDL.
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      for (const statement of ddl) await client.query(statement);
    });
    this.buildsTable ??= Promise.resolve();
  }

  /** `rm_builds` for a store used without `ensureCollections` first (a runner without init). */
  private buildsReady(): Promise<void> {
    this.buildsTable ??= this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      await client.query(BUILDS_DDL);
    }).catch((error: unknown) => {
      this.buildsTable = undefined;
      throw error;
    });
    return this.buildsTable;
  }

  async load(collection: CollectionSpec, keys: readonly string[]): Promise<Map<string, StoredDoc>> {
    if (keys.length === 0) return new Map();
    const { rows } = await this.query<{ key: string; rev: string; doc: unknown }>(
      `SELECT key, rev, doc FROM ${tableOf(collection)} WHERE key = ANY($1)`,
      [keys],
    );
    return new Map(rows.map((r) => [r.key, { key: r.key, rev: Number(r.rev), doc: r.doc }]));
  }

  async appliedVersions(projection: string, streamIds: readonly string[]): Promise<Map<string, number>> {
    if (streamIds.length === 0) return new Map();
    const { rows } = await this.query<{ stream_id: string; version: string }>(
      'SELECT stream_id, version FROM rm_stream_versions WHERE projection = $1 AND stream_id = ANY($2)',
      [projection, streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, Number(r.version)]));
  }

  async commit({ writes, checkpoints, streamVersions, generations }: ReadModelCommit): Promise<void> {
    if (generations) await this.buildsReady();
    const inLockOrder = {
      writes: [...writes].sort((a, b) => byText(a.collection.name, b.collection.name) || byText(a.key, b.key)),
      streamVersions: [...streamVersions].sort((a, b) => byText(a.projection, b.projection) || byText(a.streamId, b.streamId)),
      checkpoints: [...checkpoints].sort((a, b) => byText(a.projection, b.projection)),
    };
    await this.inTransaction(async (client) => {
      // The fence first: its share locks come before any other lock of the commit.
      if (generations) await this.checkGenerations(client, generations);
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

  private async checkGenerations(client: PoolClient, expected: NonNullable<ReadModelCommit['generations']>): Promise<void> {
    const { rows } = await client.query<{ projection: string; generation: string }>(
      'SELECT projection, generation FROM rm_builds WHERE projection = ANY($1) ORDER BY projection FOR SHARE',
      [expected.map((g) => g.projection)],
    );
    const actual = new Map(rows.map((r) => [r.projection, Number(r.generation)]));
    for (const g of expected) if ((actual.get(g.projection) ?? 0) !== g.generation) throw new ReadModelSwapped(g.projection);
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
    const { rows } = await this.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE projection = $1', [projection]);
    return rows[0] ? Number(rows[0].position) : 0;
  }

  async find<Doc = unknown>(collection: CollectionSpec, query: FindQuery = {}): Promise<Doc[]> {
    const { sql, params } = whereClause(collection, query.where ?? [], dollar);
    const limit = query.limit !== undefined ? ` LIMIT ${Math.floor(query.limit)}` : '';
    const offset = query.offset !== undefined ? ` OFFSET ${Math.floor(query.offset)}` : '';
    const { rows } = await this.query<{ doc: Doc }>(
      `SELECT doc FROM ${tableOf(collection)}${sql}${orderClause(collection, query.orderBy ?? [])}${limit}${offset}`,
      params,
    );
    return rows.map((r) => r.doc);
  }

  async countBy(collection: CollectionSpec, groupBy: readonly string[], where: readonly Condition[] = []) {
    const { sql, params } = whereClause(collection, where, dollar);
    const { select, group } = groupClause(collection, groupBy);
    const { rows } = await this.query<Record<string, ColumnValue>>(
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

  async builds(): Promise<Map<string, ProjectionBuild>> {
    await this.buildsReady();
    const { rows } = await this.query<{ projection: string; version: number; generation: string; built_at: string }>(
      'SELECT projection, version, generation, built_at FROM rm_builds ORDER BY projection',
    );
    return new Map(rows.map((r) => [r.projection, { projection: r.projection, version: r.version, generation: Number(r.generation), builtAt: r.built_at }]));
  }

  async registerBuilds(builds: readonly Readonly<{ projection: string; version: number }>[]): Promise<void> {
    if (builds.length === 0) return;
    await this.buildsReady();
    await this.query(
      `INSERT INTO rm_builds (projection, version, generation, built_at)
       SELECT projection, version, 0, $3 FROM unnest($1::text[], $2::int[]) AS b(projection, version)
       ON CONFLICT (projection) DO NOTHING`,
      [builds.map((b) => b.projection), builds.map((b) => b.version), new Date().toISOString()],
    );
  }

  async generations(projections: readonly string[]): Promise<Map<string, number>> {
    await this.buildsReady();
    const { rows } = await this.query<{ projection: string; generation: string }>(
      'SELECT projection, generation FROM rm_builds WHERE projection = ANY($1)',
      [projections],
    );
    return new Map(rows.map((r) => [r.projection, Number(r.generation)]));
  }

  async dropShadow(projection: string, collection: CollectionSpec): Promise<void> {
    await this.buildsReady();
    const shadow = shadowName(projection);
    await this.inTransaction(async (client) => {
      await client.query(`DROP TABLE IF EXISTS ${tableOf({ ...collection, name: shadowName(collection.name) })}`);
      for (const table of ['rm_checkpoints', 'rm_stream_versions', 'rm_builds']) await client.query(`DELETE FROM ${table} WHERE projection = $1`, [shadow]);
    });
  }

  async swapShadows(swaps: readonly ShadowSwap[], catchUp: (inTransaction: ReadModelStore) => Promise<void>): Promise<SwapResult> {
    if (this.inTransactionOf) throw new Error('swapShadows runs its own transaction');
    // The fence rows must exist before the transaction locks them.
    await this.registerBuilds(swaps.map((s) => ({ projection: s.projection, version: s.version })));
    const ordered = [...swaps].sort((a, b) => byText(a.projection, b.projection));
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // 1. The fence rows, for update: waits for fenced commits under way, holds off new ones.
      await client.query('SELECT 1 FROM rm_builds WHERE projection = ANY($1) ORDER BY projection FOR UPDATE', [ordered.map((s) => s.projection)]);
      // 2. The tables: queries wait for the swap (a moment) instead of failing.
      const tables: string[] = [];
      for (const swap of ordered) {
        const next = `rm_${shadowName(swap.collection.name)}`;
        const { rows } = await client.query<{ live: string | null; next: string | null }>('SELECT to_regclass($1) AS live, to_regclass($2) AS next', [
          `rm_${swap.collection.name}`,
          next,
        ]);
        if (!rows[0]?.next) throw new Error(`no shadow of ${swap.projection} to swap in: ${next} does not exist`);
        if (rows[0].live) tables.push(tableOf(swap.collection));
        tables.push(tableOf({ ...swap.collection, name: shadowName(swap.collection.name) }));
      }
      await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
      // 3. The last events, into the shadows, inside this transaction.
      await catchUp(new PostgresReadModelStore(this.pool, client));
      // 4. The swap itself.
      const generations = new Map<string, number>();
      let position = Number.POSITIVE_INFINITY;
      const now = new Date().toISOString();
      for (const swap of ordered) {
        const shadow = shadowName(swap.projection);
        const nextName = `rm_${shadowName(swap.collection.name)}`;
        const liveName = `rm_${swap.collection.name}`;
        await client.query(`DROP TABLE IF EXISTS ${quoteIdent(liveName)}`);
        await client.query(`ALTER TABLE ${quoteIdent(nextName)} RENAME TO ${quoteIdent(liveName)}`);
        await client.query(`ALTER INDEX IF EXISTS ${quoteIdent(`${nextName}_pkey`)} RENAME TO ${quoteIdent(`${liveName}_pkey`)}`);
        for (const index of swap.collection.indexes) {
          const from = quoteIdent(`ix_${shadowName(swap.collection.name)}_${index.join('_')}`);
          await client.query(`ALTER INDEX IF EXISTS ${from} RENAME TO ${quoteIdent(`ix_${swap.collection.name}_${index.join('_')}`)}`);
        }
        await client.query('DELETE FROM rm_stream_versions WHERE projection = $1', [swap.projection]);
        await client.query('UPDATE rm_stream_versions SET projection = $1 WHERE projection = $2', [swap.projection, shadow]);
        const { rows } = await client.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE projection = $1', [shadow]);
        const reached = rows[0] ? Number(rows[0].position) : 0;
        await client.query('DELETE FROM rm_checkpoints WHERE projection = ANY($1)', [[swap.projection, shadow]]);
        await client.query('INSERT INTO rm_checkpoints (projection, position) VALUES ($1, $2)', [swap.projection, reached]);
        const built = await client.query<{ generation: string }>(
          'UPDATE rm_builds SET version = $2, generation = generation + 1, built_at = $3 WHERE projection = $1 RETURNING generation',
          [swap.projection, swap.version, now],
        );
        await client.query('DELETE FROM rm_builds WHERE projection = $1', [shadow]);
        generations.set(swap.projection, Number(built.rows[0]!.generation));
        position = Math.min(position, reached);
      }
      await client.query('COMMIT');
      return { position: ordered.length === 0 ? 0 : position, generations };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    // The pool belongs to whoever opened it.
  }

  private async inTransaction(work: (client: PoolClient) => Promise<void>): Promise<void> {
    if (this.inTransactionOf) {
      // Inside the owner's transaction: a savepoint, so a failed commit undoes only itself.
      const client = this.inTransactionOf;
      await client.query('SAVEPOINT rm_commit');
      try {
        await work(client);
        await client.query('RELEASE SAVEPOINT rm_commit');
      } catch (error) {
        await client.query('ROLLBACK TO SAVEPOINT rm_commit').catch(() => undefined);
        throw error;
      }
      return;
    }
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
