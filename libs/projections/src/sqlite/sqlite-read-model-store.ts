import type Database from 'better-sqlite3';
import type { CollectionSpec, ColumnValue } from '../projection';
import {
  ConcurrentDocUpdate,
  type Condition,
  type FindQuery,
  type ReadModelCommit,
  type ReadModelStore,
  type StoredDoc,
} from '../read-model-store.port';
import { groupClause, orderClause, quoteIdent, tableOf, whereClause } from '../sql/sql-fragments';

/**
 * Read models in SQLite: one table per collection (`rm_<name>`: key, rev, doc JSON, typed
 * columns). Writes of a batch, its checkpoints and stream versions commit in one
 * synchronous transaction, so a crash leaves either all of a batch or none of it.
 */
export class SqliteReadModelStore implements ReadModelStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rm_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS rm_stream_versions (
        projection TEXT NOT NULL, stream_id TEXT NOT NULL, version INTEGER NOT NULL,
        PRIMARY KEY (projection, stream_id)) WITHOUT ROWID;`);
  }

  async ensureCollections(specs: readonly CollectionSpec[]): Promise<void> {
    for (const spec of specs) {
      const table = tableOf(spec);
      const columns = Object.entries(spec.columns).map(([name, type]) => `${quoteIdent(name)} ${type.toUpperCase()}`);
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY, rev INTEGER NOT NULL, doc TEXT NOT NULL${columns.map((c) => `, ${c}`).join('')})`);
      for (const index of spec.indexes) {
        const name = quoteIdent(`ix_${spec.name}_${index.join('_')}`);
        this.db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${index.map(quoteIdent).join(', ')})`);
      }
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

  async commit({ writes, checkpoints, streamVersions }: ReadModelCommit): Promise<void> {
    const apply = this.db.transaction(() => {
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

  async close(): Promise<void> {
    // The database handle belongs to whoever opened it (shared with the event store).
  }
}
