import type { Pool, PoolClient, QueryResult, QueryResultRow } from 'pg';
import { inTransaction } from '@poc/postgres';
import type { CollectionSpec, ColumnValue } from '../projection';
import {
  isShadowName,
  shadowName,
  type BlueGreenReadModelStore,
  type Condition,
  type FindQuery,
  type ProjectionBuild,
  type ReadModelCommit,
  type ReadModelStore,
  type ShadowSwap,
  type StoredDoc,
  type SwapResult,
} from '../read-model-store.port';
import { byText, groupClause, orderClause, quoteIdent, selectColumns, tableOf, whereClause } from '../sql/sql-fragments';
import { checkGenerations, PG_TYPES, writeCommit } from './postgres-commit';
import { swapInTransaction } from './postgres-swap';

const dollar = (i: number): string => `$${i}`;

/** node-postgres gives BIGINT as a string: integer columns come back as numbers, as from SQLite. */
const numericIntegers = <R extends Record<string, ColumnValue>>(spec: CollectionSpec, columns: readonly string[], row: R): R => {
  const out: Record<string, ColumnValue> = { ...row };
  for (const c of columns) if (spec.columns[c] === 'integer' && out[c] !== null) out[c] = Number(out[c]);
  return out as R;
};
/** Serialises DDL between instances starting at once. */
const DDL_LOCK = 7130001;
const BUILDS_DDL = `CREATE TABLE IF NOT EXISTS rm_builds (projection TEXT PRIMARY KEY, version INTEGER NOT NULL,
  generation BIGINT NOT NULL, built_at TEXT NOT NULL)`;

/** NULLS FIRST as `find` sorts (NULL smallest), so that an index serves both directions. */
const indexDdl = (spec: CollectionSpec): string[] =>
  spec.indexes.map(
    (index) =>
      `CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${spec.name}_${index.join('_')}`)} ON ${tableOf(spec)} (${index.map((c) => `${quoteIdent(c)} NULLS FIRST`).join(', ')})`,
  );

/**
 * A column added in a later version of a projection: the table built by the older one gets it
 * (NULL until `rebuild --outdated`), so the live projector keeps writing meanwhile. Only the
 * missing ones: ALTER TABLE takes an ACCESS EXCLUSIVE lock, even with IF NOT EXISTS.
 */
const addMissingColumns = async (client: PoolClient, spec: CollectionSpec): Promise<void> => {
  const { rows } = await client.query<{ column_name: string }>(
    'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1',
    [`rm_${spec.name}`],
  );
  const existing = new Set(rows.map((r) => r.column_name));
  for (const [name, type] of Object.entries(spec.columns)) {
    if (!existing.has(name)) await client.query(`ALTER TABLE ${tableOf(spec)} ADD COLUMN ${quoteIdent(name)} ${PG_TYPES[type]}`);
  }
};

/**
 * Read models in PostgreSQL, shaped like the SQLite ones. Writes check the revision the
 * document was loaded at (`UPDATE … WHERE rev = x.rev`), so two projector instances touching
 * the same document cannot lose each other's update: the loser retries its batch.
 * A commit is a few multi-row statements per collection, taking its row locks in one global
 * order, so two commits wait for each other but never deadlock (`postgres-commit.ts`).
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
    const ddl: (string | Readonly<{ addMissingColumns: CollectionSpec }>)[] = [
      'CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position BIGINT NOT NULL)',
      `CREATE TABLE IF NOT EXISTS rm_stream_versions (projection TEXT NOT NULL, stream_id TEXT NOT NULL, version BIGINT NOT NULL,
         PRIMARY KEY (projection, stream_id))`,
      BUILDS_DDL,
    ];
    for (const spec of specs) {
      const columns = Object.entries(spec.columns).map(([name, type]) => `, ${quoteIdent(name)} ${PG_TYPES[type]}`).join('');
      ddl.push(`CREATE TABLE IF NOT EXISTS ${tableOf(spec)} (key ${PG_TYPES.text} PRIMARY KEY, rev BIGINT NOT NULL, doc JSONB NOT NULL${columns})`);
      ddl.push({ addMissingColumns: spec });
      // A shadow gets its secondary indexes just before its swap: built at once from the
      // finished table, they cost a fraction of keeping them up to date row by row.
      if (!isShadowName(spec.name)) ddl.push(...indexDdl(spec));
    }
    // Several projector instances may start at once: serialise their DDL.
    await this.inTransaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [DDL_LOCK]);
      for (const statement of ddl) {
        if (typeof statement === 'string') await client.query(statement);
        else await addMissingColumns(client, statement.addMissingColumns);
      }
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

  async commit(commit: ReadModelCommit): Promise<void> {
    if (commit.generations) await this.buildsReady();
    await this.inTransaction(async (client) => {
      // The fence first: its share locks come before any other lock of the commit.
      if (commit.generations) await checkGenerations(client, commit.generations);
      await writeCommit(client, commit);
    });
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

  async findRows(collection: CollectionSpec, columns: readonly string[], query: FindQuery = {}): Promise<ColumnValue[][]> {
    const { sql, params } = whereClause(collection, query.where ?? [], dollar);
    const limit = query.limit !== undefined ? ` LIMIT ${Math.floor(query.limit)}` : '';
    const offset = query.offset !== undefined ? ` OFFSET ${Math.floor(query.offset)}` : '';
    const { rows } = await this.query<Record<string, ColumnValue>>(
      `SELECT ${selectColumns(collection, columns)} FROM ${tableOf(collection)}${sql}${orderClause(collection, query.orderBy ?? [])}${limit}${offset}`,
      params,
    );
    return rows.map((r) => {
      const row = numericIntegers(collection, columns, r);
      return columns.map((c) => row[c]!);
    });
  }

  async countBy(collection: CollectionSpec, groupBy: readonly string[], where: readonly Condition[] = []) {
    const { sql, params } = whereClause(collection, where, dollar);
    const { select, group } = groupClause(collection, groupBy);
    const { rows } = await this.query<Record<string, ColumnValue>>(
      `SELECT ${select}COUNT(*) AS count FROM ${tableOf(collection)}${sql}${group}`,
      params,
    );
    return rows.map((r) => ({ ...numericIntegers(collection, groupBy, r), count: Number(r.count) }));
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

  async documentKeys(collection: CollectionSpec, after: string, limit: number): Promise<string[]> {
    const { rows } = await this.query<{ key: string }>(`SELECT key FROM ${tableOf(collection)} WHERE key > $1 ORDER BY key LIMIT $2`, [after, limit]);
    return rows.map((r) => r.key);
  }

  async appliedStreams(projection: string, after: string, limit: number): Promise<string[]> {
    // The table's own collation, which its primary key is sorted by: each page is an index range.
    const { rows } = await this.query<{ stream_id: string }>(
      'SELECT stream_id FROM rm_stream_versions WHERE projection = $1 AND stream_id > $2 ORDER BY stream_id LIMIT $3',
      [projection, after, limit],
    );
    return rows.map((r) => r.stream_id);
  }

  async swapShadows(swaps: readonly ShadowSwap[], catchUp: (inTransaction: ReadModelStore) => Promise<void>): Promise<SwapResult> {
    if (this.inTransactionOf) throw new Error('swapShadows runs its own transaction');
    // The fence rows must exist before the transaction locks them.
    await this.registerBuilds(swaps.map((s) => ({ projection: s.projection, version: s.version })));
    // Outside the transaction: no lock on a live table while they are built.
    await this.prepareShadows(swaps);
    const ordered = [...swaps].sort((a, b) => byText(a.projection, b.projection));
    return inTransaction(this.pool, (client) => swapInTransaction(client, ordered, () => catchUp(new PostgresReadModelStore(this.pool, client))));
  }

  /** The secondary indexes of each existing shadow (those of an interrupted rebuild may be there already). */
  async prepareShadows(swaps: readonly ShadowSwap[]): Promise<void> {
    for (const swap of swaps) {
      const shadow = { ...swap.collection, name: shadowName(swap.collection.name) };
      const { rows } = await this.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [`rm_${shadow.name}`]);
      if (!rows[0]?.found) continue; // the swap reports it
      for (const statement of indexDdl(shadow)) await this.query(statement);
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
    await inTransaction(this.pool, work);
  }
}
