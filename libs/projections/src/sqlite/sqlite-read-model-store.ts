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
import { groupClause, orderClause, quoteIdent, tableOf, whereClause } from '../sql/sql-fragments';

type BuildRow = { projection: string; version: number; generation: number; built_at: string };

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
    const select = this.db.prepare(`SELECT key, rev, doc FROM ${tableOf(collection)} WHERE key = ?`);
    for (const key of keys) {
      const row = select.get(key) as { key: string; rev: number; doc: string } | undefined;
      if (row) found.set(key, { key, rev: row.rev, doc: JSON.parse(row.doc) });
    }
    return found;
  }

  async appliedVersions(projection: string, streamIds: readonly string[]): Promise<Map<string, number>> {
    const select = this.db.prepare('SELECT version FROM rm_stream_versions WHERE projection = ? AND stream_id = ?');
    const versions = new Map<string, number>();
    for (const id of streamIds) {
      const row = select.get(projection, id) as { version: number } | undefined;
      if (row) versions.set(id, row.version);
    }
    return versions;
  }

  async commit({ writes, checkpoints, streamVersions, generations }: ReadModelCommit): Promise<void> {
    const apply = this.db.transaction(() => {
      if (generations) {
        const select = this.db.prepare('SELECT generation FROM rm_builds WHERE projection = ?');
        for (const g of generations) {
          const row = select.get(g.projection) as { generation: number } | undefined;
          if ((row?.generation ?? 0) !== g.generation) throw new ReadModelSwapped(g.projection);
        }
      }
      for (const write of writes) {
        const table = tableOf(write.collection);
        const current = this.db.prepare(`SELECT rev FROM ${table} WHERE key = ?`).get(write.key) as { rev: number } | undefined;
        if ((current?.rev ?? 0) !== write.expectedRev) throw new ConcurrentDocUpdate(write.collection.name, write.key);
        if (write.doc === undefined) {
          this.db.prepare(`DELETE FROM ${table} WHERE key = ?`).run(write.key);
          continue;
        }
        const names = Object.keys(write.collection.columns);
        const values = names.map((n) => write.columns[n] ?? null);
        this.db
          .prepare(
            `INSERT INTO ${table} (key, rev, doc${names.map((n) => `, ${quoteIdent(n)}`).join('')}) VALUES (?, ?, ?${', ?'.repeat(names.length)})
             ON CONFLICT(key) DO UPDATE SET rev = excluded.rev, doc = excluded.doc${names.map((n) => `, ${quoteIdent(n)} = excluded.${quoteIdent(n)}`).join('')}`,
          )
          .run(write.key, write.expectedRev + 1, JSON.stringify(write.doc), ...values);
      }
      const setVersion = this.db.prepare(
        'INSERT INTO rm_stream_versions (projection, stream_id, version) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET version = MAX(version, excluded.version)',
      );
      for (const v of streamVersions) setVersion.run(v.projection, v.streamId, v.version);
      const setCheckpoint = this.db.prepare(
        'INSERT INTO rm_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT DO UPDATE SET position = MAX(position, excluded.position)',
      );
      for (const c of checkpoints) setCheckpoint.run(c.projection, c.position);
    });
    apply.immediate();
  }

  async checkpoint(projection: string): Promise<number> {
    const row = this.db.prepare('SELECT position FROM rm_checkpoints WHERE projection = ?').get(projection) as { position: number } | undefined;
    return row?.position ?? 0;
  }

  async find<Doc = unknown>(collection: CollectionSpec, query: FindQuery = {}): Promise<Doc[]> {
    const { sql, params } = whereClause(collection, query.where ?? []);
    // SQLite takes OFFSET only after a LIMIT; LIMIT -1 means none.
    const limit =
      query.limit !== undefined || query.offset !== undefined
        ? ` LIMIT ${Math.floor(query.limit ?? -1)} OFFSET ${Math.floor(query.offset ?? 0)}`
        : '';
    const rows = this.db
      .prepare(`SELECT doc FROM ${tableOf(collection)}${sql}${orderClause(collection, query.orderBy ?? [])}${limit}`)
      .all(...params) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as Doc);
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
