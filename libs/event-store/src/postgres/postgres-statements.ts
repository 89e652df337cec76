import type { EventRowInput } from './postgres-append-batch';
import { EVENT_COLUMNS, type IdempotencyRow } from './postgres-rows';
import { appendLockKey, LOCK_CLASS, quote } from './postgres-schema';

/** What the write statements take: the rows of a group and the NOTIFY announcing them. */
export type WriteSpec = Readonly<{
  eventRows: readonly EventRowInput[];
  claimRows: readonly IdempotencyRow[];
  notify?: Readonly<{ channel: string; payload: string }>;
}>;

/**
 * A string literal that reads the same whatever `standard_conforming_strings` says: E'…' with
 * backslashes and quotes doubled. U+0000 cannot be sent at all (the protocol would cut the
 * query there): `prepareRequest` refuses it before, and this refuses it again.
 */
export const literal = (value: string): string => {
  if (value.includes('\u0000')) throw new RangeError('U+0000 cannot be sent to PostgreSQL');
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
};

/** A number we computed (positions, versions), or a literal PostgreSQL must parse (anything a caller gave). */
const int = (value: unknown): string => (Number.isSafeInteger(value) ? String(value) : literal(String(value)));
const nullable = (value: number | null): string => (value === null ? 'NULL' : int(value));

/**
 * SQL text for one schema, built once per store. The append path uses the simple query
 * protocol, so that several statements travel in one message (one round trip); it has no bind
 * parameters, so every value is written as a literal: strings through `literal`, numbers only
 * when they are safe integers. The test suite pushes quotes, backslashes and SQL-looking text
 * through every field.
 */
export const statements = (schema: string, lockTimeoutMs: number) => {
  const events = `${quote(schema)}.events`;
  const keys = `${quote(schema)}.idempotency_keys`;
  const timeout = Math.max(0, Math.trunc(lockTimeoutMs));
  const textArray = (values: readonly string[]): string => `ARRAY[${values.map(literal).join(',')}]::text[]`;
  return {
    /** BEGIN, bound the wait, take the append lock: held until COMMIT or ROLLBACK. */
    lock: `BEGIN; SET LOCAL lock_timeout = ${timeout}; SELECT pg_advisory_xact_lock(${LOCK_CLASS}, ${appendLockKey(schema)})`,
    /**
     * The heads of a group's streams (in the order given, as [version, position] or [null,
     * null]), the global last position and the group's idempotency keys already stored. Sent
     * after `lock`, as a statement of its own, so its snapshot is taken after the lock and
     * sees every earlier append.
     */
    heads: (streams: readonly string[], claimKeys: readonly string[]): string => `
      SELECT (SELECT COALESCE(MAX(position), 0) FROM ${events}) AS last_position,
        (SELECT COALESCE(jsonb_agg(jsonb_build_array(h.stream_version, h.position) ORDER BY s.ord), '[]'::jsonb)
         FROM unnest(${textArray(streams)}) WITH ORDINALITY AS s(id, ord)
         LEFT JOIN LATERAL (
           SELECT stream_version, position FROM ${events} WHERE stream_id = s.id ORDER BY stream_version DESC LIMIT 1
         ) AS h ON true) AS heads,
        (SELECT COALESCE(jsonb_agg(to_jsonb(k)), '[]'::jsonb) FROM ${keys} k
         WHERE k.key = ANY (${textArray(claimKeys)})) AS claims`,
    /**
     * Every row of a group with one multi-row INSERT per table, and one NOTIFY (delivered only
     * if the transaction commits): statements for one message, COMMIT to be added.
     */
    write: ({ eventRows, claimRows, notify }: WriteSpec): string =>
      [
        eventRows.length > 0 &&
          `INSERT INTO ${events} (${EVENT_COLUMNS}) VALUES ${eventRows
            .map(
              ({ event: e, dataJson, metadataJson }) =>
                `(${int(e.position)},${literal(e.id)},${literal(e.streamId)},${int(e.streamVersion)},${literal(e.type)},` +
                `${int(e.schemaVersion)},${literal(e.occurredAt)},${literal(e.recordedAt)},${literal(dataJson)},${literal(metadataJson)})`,
            )
            .join(',')}`,
        claimRows.length > 0 &&
          `INSERT INTO ${keys} (key, request_hash, stream_id, first_position, last_position, next_version, created_at) VALUES ${claimRows
            .map(
              (c) =>
                `(${literal(c.key)},${literal(c.request_hash)},${literal(c.stream_id)},${nullable(c.first_position)},` +
                `${int(c.last_position)},${int(c.next_version)},${literal(c.created_at)})`,
            )
            .join(',')}`,
        notify && `SELECT pg_notify(${literal(notify.channel)}, ${literal(notify.payload)})`,
      ]
        .filter(Boolean)
        .join(';\n'),
    range: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream_id = $1 AND position BETWEEN $2 AND $3 ORDER BY position`,
    stream: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE stream_id = $1 ORDER BY stream_version`,
    all: `SELECT ${EVENT_COLUMNS} FROM ${events} WHERE position > $1 ORDER BY position LIMIT $2`,
    last: `SELECT COALESCE(MAX(position), 0) AS position FROM ${events}`,
    key: `SELECT to_jsonb(k) AS claimed FROM ${keys} k WHERE k.key = $1`,
  };
};

export type Statements = ReturnType<typeof statements>;
