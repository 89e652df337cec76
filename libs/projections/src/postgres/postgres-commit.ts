import type { PoolClient } from 'pg';
import type { CollectionSpec } from '../projection';
import { ConcurrentDocUpdate, isShadowName, ReadModelSwapped, type DocWrite, type ReadModelCommit } from '../read-model-store.port';
import { byText, quoteIdent, tableOf } from '../sql/sql-fragments';
import { copyFrom, copyValue, duplicateKey } from './postgres-copy';

/** Text compares and sorts by code point, as in SQLite, whatever the database's own collation. */
export const PG_TYPES = { text: 'TEXT COLLATE "C"', integer: 'BIGINT', real: 'DOUBLE PRECISION' } as const;
/** The same types where a JSON record is read into rows (no collation on a record's field). */
const RECORD_TYPES = { text: 'text', integer: 'bigint', real: 'double precision' } as const;

/**
 * Writes a commit inside the transaction `client` has begun, with a few statements per
 * collection whatever the number of documents: each kind of write is one multi-row statement
 * whose rows travel as one JSON parameter (`json_to_recordset`), or as COPY when there are
 * many new ones, so a batch of thousands of documents costs a handful of round trips, not
 * one per row. Every statement returns what it wrote, and a row missing from the answer (a
 * revision moved, a document created meanwhile) is a ConcurrentDocUpdate that rolls the
 * whole commit back.
 *
 * Locks are taken in one global order, so two commits wait for each other but never
 * deadlock: collections by name; in each, first every existing row the commit names, locked
 * in key order (`ORDER BY key FOR UPDATE`), then new rows inserted in key order (an insert
 * waits only for another commit's insert of the same key, which that commit made in the
 * same phase); then stream versions, then checkpoints, each in key order.
 *
 * A shadow (`<name>__next`) has one writer, the rebuild: nothing to lock against, and the
 * streams its runner found no version of are inserted by COPY too.
 */
export const writeCommit = async (client: PoolClient, { writes, streamVersions, checkpoints }: ReadModelCommit): Promise<void> => {
  const sorted = [...writes].sort((a, b) => byText(a.collection.name, b.collection.name) || byText(a.key, b.key));
  for (const group of groupsOfDistinctKeys(sorted)) await writeCollection(client, group);
  await writeStreamVersions(client, streamVersions);
  await upsertCheckpoints(client, checkpoints);
};

/** The fence of a blue/green swap: share locks on the projections' build rows, then their generations compared. */
export const checkGenerations = async (client: PoolClient, expected: NonNullable<ReadModelCommit['generations']>): Promise<void> => {
  const { rows } = await client.query<{ projection: string; generation: string }>(
    'SELECT projection, generation FROM rm_builds WHERE projection = ANY($1) ORDER BY projection FOR SHARE',
    [expected.map((g) => g.projection)],
  );
  const actual = new Map(rows.map((r) => [r.projection, Number(r.generation)]));
  for (const g of expected) if ((actual.get(g.projection) ?? 0) !== g.generation) throw new ReadModelSwapped(g.projection);
};

/**
 * Consecutive writes of one collection with distinct keys: one multi-row statement cannot
 * write a row twice, and a commit that names a key twice (the runner never does) keeps its
 * one-after-the-other meaning this way.
 */
function* groupsOfDistinctKeys(sorted: readonly DocWrite[]): Generator<DocWrite[]> {
  let group: DocWrite[] = [];
  let keys = new Set<string>();
  for (const write of sorted) {
    if (group.length > 0 && (group[0]!.collection.name !== write.collection.name || keys.has(write.key))) {
      yield group;
      group = [];
      keys = new Set();
    }
    group.push(write);
    keys.add(write.key);
  }
  if (group.length > 0) yield group;
}

const writeCollection = async (client: PoolClient, writes: readonly DocWrite[]): Promise<void> => {
  const collection = writes[0]!.collection;
  const table = tableOf(collection);
  // Expected absent: new documents, and deletions of what was absent when loaded (nothing to
  // do, unless another projector has created the document since).
  const absent = writes.filter((w) => w.expectedRev === 0);
  const inserts = absent.filter((w) => w.doc !== undefined);
  const updates = writes.filter((w) => w.expectedRev > 0 && w.doc !== undefined);
  const deletes = writes.filter((w) => w.expectedRev > 0 && w.doc === undefined);

  if (writes.length > 1 && !isShadowName(collection.name)) {
    const { rows } = await client.query<{ key: string }>(`SELECT key FROM ${table} WHERE key = ANY($1) ORDER BY key FOR UPDATE`, [writes.map((w) => w.key)]);
    expectNone(collection, absent, rows);
  } else if (absent.length > inserts.length) {
    const { rows } = await client.query<{ key: string }>(`SELECT key FROM ${table} WHERE key = ANY($1)`, [absent.filter((w) => w.doc === undefined).map((w) => w.key)]);
    expectNone(collection, absent, rows);
  }
  const columns = Object.keys(collection.columns);
  const record = columns.map((c) => `, ${quoteIdent(c)} ${RECORD_TYPES[collection.columns[c]!]}`).join('');
  const names = columns.map((c) => `, ${quoteIdent(c)}`).join('');
  if (inserts.length >= COPY_FROM) {
    await copyInserts(client, collection, inserts, columns);
  } else if (inserts.length > 0) {
    const { rows } = await client.query<{ key: string }>(
      `INSERT INTO ${table} (key, rev, doc${names})
       SELECT key, 1, doc${names} FROM json_to_recordset($1::json) AS x(key text, doc jsonb${record})
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [rowsJson(inserts, columns)],
    );
    expectAll(collection, inserts, rows);
  }
  if (updates.length > 0) {
    const sets = columns.map((c) => `, ${quoteIdent(c)} = x.${quoteIdent(c)}`).join('');
    const { rows } = await client.query<{ key: string }>(
      `UPDATE ${table} AS t SET rev = x.rev + 1, doc = x.doc${sets}
       FROM json_to_recordset($1::json) AS x(key text, rev bigint, doc jsonb${record})
       WHERE t.key = x.key AND t.rev = x.rev RETURNING t.key`,
      [rowsJson(updates, columns)],
    );
    expectAll(collection, updates, rows);
  }
  if (deletes.length > 0) {
    const { rows } = await client.query<{ key: string }>(
      `DELETE FROM ${table} AS t USING json_to_recordset($1::json) AS x(key text, rev bigint)
       WHERE t.key = x.key AND t.rev = x.rev RETURNING t.key`,
      [JSON.stringify(deletes.map((w) => ({ key: w.key, rev: w.expectedRev })))],
    );
    expectAll(collection, deletes, rows);
  }
};

/** From this many new documents of a collection on, they are inserted with COPY. */
export const COPY_FROM = 100;

/**
 * New documents by COPY: no ON CONFLICT there, so a key that exists already fails the whole
 * statement with a unique violation, which is the ConcurrentDocUpdate it means (the
 * transaction is then rolled back, as for any conflict).
 */
const copyInserts = async (client: PoolClient, collection: CollectionSpec, inserts: readonly DocWrite[], columns: readonly string[]): Promise<void> => {
  function* lines() {
    for (const w of inserts) {
      let line = `${copyValue(w.key)}\t1\t${copyValue(JSON.stringify(w.doc))}`;
      for (const c of columns) line += `\t${copyValue(w.columns[c])}`;
      yield `${line}\n`;
    }
  }
  try {
    await copyFrom(client, `COPY ${tableOf(collection)} (key, rev, doc${columns.map((c) => `, ${quoteIdent(c)}`).join('')}) FROM STDIN`, lines());
  } catch (error) {
    const key = duplicateKey(error);
    if (key === undefined) throw error;
    throw new ConcurrentDocUpdate(collection.name, key || inserts[0]!.key);
  }
};

/**
 * One JSON array of the rows, documents nested as they are: a single `JSON.stringify`, no
 * escaping of each document into an array literal. A number JSON cannot hold (NaN, ±Infinity)
 * becomes NULL, as SQLite stores it.
 */
const rowsJson = (writes: readonly DocWrite[], columns: readonly string[]): string =>
  JSON.stringify(
    writes.map((w) => {
      const row: Record<string, unknown> = { key: w.key, rev: w.expectedRev, doc: w.doc };
      for (const c of columns) row[c] = w.columns[c] ?? null;
      return row;
    }),
  );

const expectAll = (collection: CollectionSpec, writes: readonly DocWrite[], written: readonly { key: string }[]): void => {
  if (written.length === writes.length) return;
  const done = new Set(written.map((r) => r.key));
  const missed = writes.find((w) => !done.has(w.key))!;
  throw new ConcurrentDocUpdate(collection.name, missed.key);
};

/** `writes` expected their document absent: one of `found` among them is a conflict. */
const expectNone = (collection: CollectionSpec, writes: readonly DocWrite[], found: readonly { key: string }[]): void => {
  if (found.length === 0 || writes.length === 0) return;
  const there = new Set(found.map((r) => r.key));
  const conflict = writes.find((w) => there.has(w.key));
  if (conflict) throw new ConcurrentDocUpdate(collection.name, conflict.key);
};

type VersionRow = { p: string; s: string; v: number; first: boolean };

const writeStreamVersions = async (client: PoolClient, versions: ReadModelCommit['streamVersions']): Promise<void> => {
  if (versions.length === 0) return;
  const sorted = [...versions].sort((a, b) => byText(a.projection, b.projection) || byText(a.streamId, b.streamId));
  // One row per stream, as a statement may not write a row twice: the highest version wins, as it would one by one.
  const rows: VersionRow[] = [];
  for (const { projection, streamId, version, first } of sorted) {
    const last = rows[rows.length - 1];
    if (last && last.p === projection && last.s === streamId) {
      last.v = Math.max(last.v, version);
      last.first &&= first === true;
    } else {
      rows.push({ p: projection, s: streamId, v: version, first: first === true });
    }
  }
  const copied = rows.filter((r) => r.first && isShadowName(r.p));
  if (copied.length >= COPY_FROM) {
    try {
      await copyFrom(client, 'COPY rm_stream_versions (projection, stream_id, version) FROM STDIN', copied.map((r) => `${copyValue(r.p)}\t${copyValue(r.s)}\t${r.v}\n`));
    } catch (error) {
      // Another writer after all: the runner reads again and retries.
      if (duplicateKey(error) === undefined) throw error;
      throw new ConcurrentDocUpdate('rm_stream_versions', copied[0]!.p);
    }
    await upsertStreamVersions(client, rows.filter((r) => !(r.first && isShadowName(r.p))));
  } else {
    await upsertStreamVersions(client, rows);
  }
};

const upsertStreamVersions = async (client: PoolClient, rows: readonly VersionRow[]): Promise<void> => {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO rm_stream_versions (projection, stream_id, version)
     SELECT p, s, v FROM json_to_recordset($1::json) AS x(p text, s text, v bigint)
     ON CONFLICT (projection, stream_id) DO UPDATE SET version = GREATEST(rm_stream_versions.version, EXCLUDED.version)`,
    [JSON.stringify(rows.map(({ p, s, v }) => ({ p, s, v })))],
  );
};

const upsertCheckpoints = async (client: PoolClient, checkpoints: ReadModelCommit['checkpoints']): Promise<void> => {
  if (checkpoints.length === 0) return;
  const highest = new Map<string, number>();
  for (const { projection, position } of checkpoints) highest.set(projection, Math.max(highest.get(projection) ?? 0, position));
  const rows = [...highest].sort(([a], [b]) => byText(a, b)).map(([p, n]) => ({ p, n }));
  await client.query(
    `INSERT INTO rm_checkpoints (projection, position)
     SELECT p, n FROM json_to_recordset($1::json) AS x(p text, n bigint)
     ON CONFLICT (projection) DO UPDATE SET position = GREATEST(rm_checkpoints.position, EXCLUDED.position)`,
    [JSON.stringify(rows)],
  );
};
