import type { ClientBase } from 'pg';

/** A schema name we accept: an unquoted-looking identifier, so it can be quoted safely. */
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

export const assertSchemaName = (schema: string): string => {
  if (!SCHEMA_NAME.test(schema)) {
    throw new RangeError(`PostgreSQL schema name must match ${String(SCHEMA_NAME)}, got ${JSON.stringify(schema)}`);
  }
  return schema;
};

/** A quoted identifier (names are validated first: no quote can occur inside). */
export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The tables of one event store, in `schema`. `position` is assigned by the append path
 * under a transaction-scoped advisory lock (see `postgres-event-store.ts`), never by a
 * sequence: a sequence value is taken before commit, and two transactions can commit out
 * of sequence order, which would let a reader skip the one that commits late.
 *
 * `occurred_at` and `recorded_at` are text (ISO-8601 strings as given) so that they
 * round-trip exactly, as in the SQLite adapter; ISO strings in UTC sort in time order.
 */
export const schemaSql = (schema: string): string => {
  const s = quote(schema);
  return `
CREATE TABLE IF NOT EXISTS ${s}.events (
  position       BIGINT  NOT NULL PRIMARY KEY CHECK (position >= 1),
  id             UUID    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL DEFAULT 1,
  occurred_at    TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  data           JSONB   NOT NULL,
  metadata       JSONB   NOT NULL,
  UNIQUE (stream_id, stream_version)
);

CREATE TABLE IF NOT EXISTS ${s}.idempotency_keys (
  key            TEXT    PRIMARY KEY,
  request_hash   TEXT    NOT NULL,
  stream_id      TEXT    NOT NULL,
  first_position BIGINT,
  last_position  BIGINT  NOT NULL,
  next_version   INTEGER NOT NULL,
  created_at     TEXT    NOT NULL
);
`;
};

/** Advisory lock namespace ("EVST"): the first key of every lock this store takes. */
export const LOCK_CLASS = 0x45565354;
/** Second key of the schema-creation lock (appends use a hash of the schema name). */
const SCHEMA_LOCK = 0;

/**
 * The append lock's second key: 32-bit FNV-1a of the schema name, as a signed int4, so
 * stores in different schemas of one database do not wait for each other (a collision only
 * serialises two stores more than needed; it never breaks the order of either).
 */
export const appendLockKey = (schema: string): number => {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(schema, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  // Never collide with the schema-creation lock.
  return hash | 0 || 1;
};

/**
 * Creates the schema and tables unless they exist. Idempotent, and safe when several
 * processes start at once: concurrent `CREATE TABLE IF NOT EXISTS` can fail on the catalog's
 * unique index, so creators take an advisory lock first. Skips the DDL (which needs CREATE
 * privilege even when nothing is created) when both tables are already there.
 */
export const createSchema = async (client: ClientBase, schema: string): Promise<void> => {
  const s = quote(schema);
  const existing = await client.query<{ events: string | null; keys: string | null }>(
    'SELECT to_regclass($1) AS events, to_regclass($2) AS keys',
    [`${s}.events`, `${s}.idempotency_keys`],
  );
  if (existing.rows[0]?.events && existing.rows[0]?.keys) return;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${SCHEMA_LOCK})`);
    const found = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (found.rowCount === 0) await client.query(`CREATE SCHEMA ${s}`);
    await client.query(schemaSql(schema));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
};
