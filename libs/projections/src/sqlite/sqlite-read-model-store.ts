import type Database from 'better-sqlite3';
import type { CollectionSpec, ColumnValue } from '../projection';
import {
  ConcurrentDocUpdate,
  isShadowName,
  ReadModelSwapped,
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

type BuildRow = { projection: string; version: number; generation: number; built_at: string };
type WriteStatements = Readonly<{ columns: readonly string[]; exists: Database.Statement; remove: Database.Statement; insert: Database.Statement; update: Database.Statement }>;

/**
 * Read models in SQLite: one table per collection (`rm_<name>`: key, rev, doc JSON, typed
 * columns). Writes of a batch, its checkpoints and stream versions commit in one
 * synchronous transaction, so a crash leaves either all of a batch or none of it.
 *
 * Blue/green: a shadow table gets its secondary indexes only when it is swapped in, since
 * SQLite cannot rename an index (and a table without them loads faster). The swap runs in
 * one IMMEDIATE transaction, which holds the file's write lock: no projector commit and no
 * event append can slip in between the final catch-up and the rename, while readers (WAL)
 * keep reading the old tables until it commits.
 */
export class SqliteReadModelStore implements ReadModelStore, BlueGreenReadModelStore {
  private readonly prepared = new Map<string, Database.Statement>();
  private readonly writesOf = new WeakMap<CollectionSpec, WriteStatements>();

  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS rm_stream_versions (
        projection TEXT NOT NULL, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (projection, stream_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS rm_builds (
        projection TEXT PRIMARY KEY, version INTEGER NOT NULL, generation INTEGER NOT NULL, built_at TEXT NOT NULL);`);
  }

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    for (const spec of specs) {
      const table = tableOf(spec);
      const columns = Object.entries(spec.columns).map(([name, type]) => `${quoteIdent(name)} ${type.toUpperCase()}`);
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, rev INTEGER NOT NULL, doc TEXT NOT NULL${columns.map((c) => `, ${c}`).join('')})`);
      // A column added in a later version of the projection: the table built by the older one
      // gets it (NULL until `rebuild --outdated`), so the live projector keeps writing meanwhile.
      const existing = new Set((this.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
      for (const [name, type] of Object.entries(spec.columns)) {
        if (!existing.has(name)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${quoteIdent(name)} ${type.toUpperCase()}`);
      }
      if (!isShadowName(spec.name)) this.createIndexes(spec);
    }
  }

  private createIndexes(spec: CollectionSpec): void {
    for (const index of spec.indexes) {
      const name = quoteIdent(`ix_${spec.name}_${index.join('_')}`);
      this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${tableOf(spec)} (${index.map(quoteIdent).join(', ')})`);
    }
  }

  async load(collection: CollectionSpec, keys: readonly string[]): Promise<Map<string, StoredDoc>> {
    const found = new Map<string, StoredDoc>();
    if (keys.length === 0) return found;
    const select = this.statement(`SELECT rev, doc FROM ${tableOf(collection)} WHERE key = ?`);
    for (const key of keys) {
      const row = select.get(key) as { rev: number; doc: string } | undefined;
      if (row) found.set(key, { key, rev: row.rev, doc: JSON.parse(row.doc) });
    }
    return found;
  }

  async appliedVersions(projection: string, streamIds: readonly string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    if (streamIds.length === 0) return versions;
    const select = this.statement('SELECT version FROM rm_stream_versions WHERE projection = ? AND stream_id = ?').pluck();
    for (const id of streamIds) {
      const version = select.get(projection, id) as number | undefined;
      if (version !== undefined) versions.set(id, version);
    }
    return versions;
  }

  async commit({ checkpoints, generations, ...commit }: ReadModelCommit): Promise<void> {
    // In key order (a stable sort: a key named twice keeps its order): the B-tree pages are
    // visited in order, each once, instead of at random.
    const writes = [...commit.writes].sort((a, b) => byText(a.collection.name, b.collection.name) || byText(a.key, b.key));
    const streamVersions = [...commit.streamVersions].sort((a, b) => byText(a.projection, b.projection) || byText(a.streamId, b.streamId));
    // Serialised before the transaction: the write lock is held for the writes alone.
    const docs = writes.map((w) => (w.doc === undefined ? undefined : JSON.stringify(w.doc)));
    const apply = this.db.transaction(() => {
      if (generations) {
        const select = this.statement('SELECT generation FROM rm_builds WHERE projection = ?').pluck();
        for (const g of generations) {
          if (((select.get(g.projection) as number | undefined) ?? 0) !== g.generation) throw new ReadModelSwapped(g.projection);
        }
      }
      // The revision check is part of each write: one statement per document, prepared once.
      writes.forEach((write, i) => {
        const sql = this.writeStatements(write.collection);
        const doc = docs[i];
        let changed: number;
        if (doc === undefined) {
          // Deleting what was absent when loaded: nothing to do, unless it exists now.
          changed = write.expectedRev === 0 ? (sql.exists.get(write.key) === undefined ? 1 : 0) : sql.remove.run(write.key, write.expectedRev).changes;
        } else {
          const values = sql.columns.map((n) => write.columns[n] ?? null);
          changed =
            write.expectedRev === 0
              ? sql.insert.run(write.key, doc, ...values).changes
              : sql.update.run(write.expectedRev + 1, doc, ...values, write.key, write.expectedRev).changes;
        }
        if (changed !== 1) throw new ConcurrentDocUpdate(write.collection.name, write.key);
      });
      const setVersion = this.statement(
        'INSERT INTO rm_stream_versions (projection, stream_id, version) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET version = MAX(version, excluded.version)',
      );
      for (const v of streamVersions) setVersion.run(v.projection, v.streamId, v.version);
      const setCheckpoint = this.statement(
        'INSERT INTO rm_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT DO UPDATE SET position = MAX(position, excluded.position)',
      );
      for (const c of checkpoints) setCheckpoint.run(c.projection, c.position);
    });
    apply.immediate();
  }

  /** Prepared once per SQL text: preparing costs more than running a small statement. */
  private statement(sql: string): Database.Statement {
    let prepared = this.prepared.get(sql);
    if (!prepared) this.prepared.set(sql, (prepared = this.db.prepare(sql)));
    return prepared;
  }

  private writeStatements(collection: CollectionSpec): WriteStatements {
    let found = this.writesOf.get(collection);
    if (!found) this.writesOf.set(collection, (found = this.prepareWrites(collection)));
    return found;
  }

  private prepareWrites(collection: CollectionSpec): WriteStatements {
    const table = tableOf(collection);
    const columns = Object.keys(collection.columns);
    const names = columns.map((n) => `, ${quoteIdent(n)}`).join('');
    const sets = columns.map((n) => `, ${quoteIdent(n)} = ?`).join('');
    return {
      columns,
      exists: this.statement(`SELECT 1 FROM ${table} WHERE key = ?`),
      remove: this.statement(`DELETE FROM ${table} WHERE key = ? AND rev = ?`),
      insert: this.statement(`INSERT INTO ${table} (key, rev, doc${names}) VALUES (?, 1, ?${', ?'.repeat(columns.length)}) ON CONFLICT (key) DO NOTHING`),
      update: this.statement(`UPDATE ${table} SET rev = ?, doc = ?${sets} WHERE key = ? AND rev = ?`),
    };
  }

  async checkpoint(projection: string): Promise<number> {
    const row = this.db.prepare('SELECT position FROM rm_checkpoints WHERE projection = ?').get(projection) as { position: number } | undefined;
    return row?.position ?? 0;
  }

  async find<Doc = unknown>(collection: CollectionSpec, query: FindQuery = {}): Promise<Doc[]> {
    const { statement, params } = this.select(collection, 'doc', query);
    const rows = statement.pluck().all(...params) as string[];
    return rows.map((doc) => JSON.parse(doc) as Doc);
  }

  async findRows(collection: CollectionSpec, columns: readonly string[], query: FindQuery = {}): Promise<ColumnValue[][]> {
    const { statement, params } = this.select(collection, selectColumns(collection, columns), query);
    return statement.raw().all(...params) as ColumnValue[][];
  }

  private select(collection: CollectionSpec, what: string, query: FindQuery): { statement: Database.Statement; params: ColumnValue[] } {
    const { sql, params } = whereClause(collection, query.where ?? []);
    // SQLite takes OFFSET only after a LIMIT; LIMIT -1 means none.
    const limit =
      query.limit !== undefined || query.offset !== undefined
        ? ` LIMIT ${Math.floor(query.limit ?? -1)} OFFSET ${Math.floor(query.offset ?? 0)}`
        : '';
    return { statement: this.db.prepare(`SELECT ${what} FROM ${tableOf(collection)}${sql}${orderClause(collection, query.orderBy ?? [])}${limit}`), params };
  }

  async countBy(collection: CollectionSpec, groupBy: readonly string[], where: readonly Condition[] = []) {
    const { sql, params } = whereClause(collection, where);
    const { select, group } = groupClause(collection, groupBy);
    return this.db
      .prepare(`SELECT ${select}COUNT(*) AS count FROM ${tableOf(collection)}${sql}${group}`)
      .all(...params) as Array<Record<string, ColumnValue> & { count: number }>;
  }

  async builds(): Promise<Map<string, ProjectionBuild>> {
    const rows = this.db.prepare('SELECT projection, version, generation, built_at FROM rm_builds ORDER BY projection').all() as BuildRow[];
    return new Map(rows.map((r) => [r.projection, { projection: r.projection, version: r.version, generation: r.generation, builtAt: r.built_at }]));
  }

  async registerBuilds(builds: readonly Readonly<{ projection: string; version: number }>[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO rm_builds (projection, version, generation, built_at) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING');
    const now = new Date().toISOString();
    this.db.transaction(() => builds.forEach((b) => insert.run(b.projection, b.version, now))).immediate();
  }

  async generations(projections: readonly string[]): Promise<Map<string, number>> {
    const select = this.db.prepare('SELECT generation FROM rm_builds WHERE projection = ?');
    const found = new Map<string, number>();
    for (const projection of projections) {
      const row = select.get(projection) as { generation: number } | undefined;
      if (row) found.set(projection, row.generation);
    }
    return found;
  }

  async dropShadow(projection: string, collection: CollectionSpec): Promise<void> {
    const shadow = shadowName(projection);
    this.db
      .transaction(() => {
        this.db.exec(`DROP TABLE IF EXISTS ${tableOf({ ...collection, name: shadowName(collection.name) })}`);
        for (const table of ['rm_checkpoints', 'rm_stream_versions', 'rm_builds']) this.db.prepare(`DELETE FROM ${table} WHERE projection = ?`).run(shadow);
      })
      .immediate();
  }

  async documentKeys(collection: CollectionSpec, after: string, limit: number): Promise<string[]> {
    return this.db.prepare(`SELECT key FROM ${tableOf(collection)} WHERE key > ? ORDER BY key LIMIT ?`).pluck().all(after, limit) as string[];
  }

  async appliedStreams(projection: string, after: string, limit: number): Promise<string[]> {
    return this.statement('SELECT stream_id FROM rm_stream_versions WHERE projection = ? AND stream_id > ? ORDER BY stream_id LIMIT ?')
      .pluck()
      .all(projection, after, limit) as string[];
  }

  async prepareShadows(): Promise<void> {
    // Nothing: an index cannot be renamed in SQLite, so a shadow gets its indexes in the swap.
  }

  async swapShadows(swaps: readonly ShadowSwap[], catchUp: (inTransaction: ReadModelStore) => Promise<void>): Promise<SwapResult> {
    // A manual BEGIN IMMEDIATE: the catch-up is async, and its commits nest as savepoints.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      await catchUp(this);
      const generations = new Map<string, number>();
      let position = Number.POSITIVE_INFINITY;
      const now = new Date().toISOString();
      for (const swap of swaps) {
        const shadow = shadowName(swap.projection);
        const live = tableOf(swap.collection);
        const next = tableOf({ ...swap.collection, name: shadowName(swap.collection.name) });
        const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(`rm_${shadowName(swap.collection.name)}`);
        if (!exists) throw new Error(`no shadow of ${swap.projection} to swap in: ${next} does not exist`);
        // Dropping the live table drops its indexes, whose names the new table's take.
        this.db.exec(`DROP TABLE IF EXISTS ${live}`);
        this.db.exec(`ALTER TABLE ${next} RENAME TO ${live}`);
        this.createIndexes(swap.collection);
        this.db.prepare('DELETE FROM rm_stream_versions WHERE projection = ?').run(swap.projection);
        this.db.prepare('UPDATE rm_stream_versions SET projection = ? WHERE projection = ?').run(swap.projection, shadow);
        const reached = (this.db.prepare('SELECT position FROM rm_checkpoints WHERE projection = ?').get(shadow) as { position: number } | undefined)?.position ?? 0;
        this.db.prepare('DELETE FROM rm_checkpoints WHERE projection IN (?, ?)').run(swap.projection, shadow);
        this.db.prepare('INSERT INTO rm_checkpoints (projection, position) VALUES (?, ?)').run(swap.projection, reached);
        const before = (this.db.prepare('SELECT generation FROM rm_builds WHERE projection = ?').get(swap.projection) as { generation: number } | undefined)?.generation ?? 0;
        this.db.prepare('DELETE FROM rm_builds WHERE projection IN (?, ?)').run(swap.projection, shadow);
        this.db.prepare('INSERT INTO rm_builds (projection, version, generation, built_at) VALUES (?, ?, ?, ?)').run(swap.projection, swap.version, before + 1, now);
        generations.set(swap.projection, before + 1);
        position = Math.min(position, reached);
      }
      this.db.exec('COMMIT');
      return { position: swaps.length === 0 ? 0 : position, generations };
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    // The database handle belongs to whoever opened it (shared with the event store).
  }
}
