/**
 * The rebuild benchmark's events: the demo scenario played through the deciders for a few
 * seeds, replicated with fresh ids and shifted dates, appended through the real SQLite append
 * path, and copied as stored rows into PostgreSQL. See tests/perf/rebuild.bench.ts.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { StoredEvent } from '@poc/domain';
import { PostgresEventStore, SqliteEventStore, upcasting, type EventStore } from '@poc/event-store';
import { buffaloScenario } from '../../../apps/all-in-one/src/demo/buffalo-scenario';
import { seedScenario } from '../../../apps/all-in-one/src/demo/seed';

const TEMPLATE_SEEDS = [20200601, 1, 2, 3, 4, 5, 6, 7];
const WEEK_MS = 7 * 24 * 3600 * 1000;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);


/** Runs of events of one stream recorded at the same moment: what one command appended. */
type Append = { streamId: string; recordedAt: string; events: StoredEvent[] };

const templateOf = async (seed: number): Promise<Append[]> => {
  const store = upcasting(new SqliteEventStore(':memory:'));
  await seedScenario(store, buffaloScenario(seed));
  const events = await store.readAll({ limit: 1_000_000 });
  await store.close();
  const appends: Append[] = [];
  for (const e of events) {
    const last = appends[appends.length - 1];
    if (last && last.streamId === e.streamId && last.recordedAt === e.recordedAt) last.events.push(e);
    else appends.push({ streamId: e.streamId, recordedAt: e.recordedAt, events: [e] });
  }
  return appends;
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z/g;

/** A copy of a template with fresh uuids (consistently within the copy) and dates shifted by `shiftMs`. */
const replicate = (template: readonly Append[], shiftMs: number): Append[] => {
  const ids = new Map<string, string>();
  const fresh = (id: string) => {
    let mapped = ids.get(id);
    if (!mapped) ids.set(id, (mapped = randomUUID()));
    return mapped;
  };
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  const rewrite = <T>(value: T): T => JSON.parse(JSON.stringify(value).replace(UUID, fresh).replace(ISO, shift)) as T;
  return template.map((a) => ({
    streamId: a.streamId.replace(UUID, fresh),
    recordedAt: shift(a.recordedAt),
    events: a.events.map((e) => ({ ...e, occurredAt: shift(e.occurredAt), data: rewrite(e.data), metadata: rewrite(e.metadata) })),
  }));
};

/** Appends `count` events (a whole number of commands, so slightly more) to a new SQLite event store at `file`. */
export const generateSqlite = async (file: string, count: number): Promise<{ events: number; streams: number; seconds: number }> => {
  const started = Date.now();
  const templates = await Promise.all(TEMPLATE_SEEDS.map(templateOf));
  const db = new Database(file);
  const raw = new SqliteEventStore(db);
  // Loading only: the rebuild reopens the file with the store's own settings (synchronous=FULL).
  db.pragma('synchronous = OFF');
  const store: EventStore = upcasting(raw);
  let events = 0;
  const streams = new Set<string>();
  for (let copy = 0; events < count; copy++) {
    // Eight templates, each shifted by one more week every round: ~13 overlapping quarters at any time.
    const appends = replicate(templates[copy % templates.length]!, Math.floor(copy / templates.length) * WEEK_MS);
    for (const a of appends) {
      if (events >= count) break;
      await store.append(
        a.streamId,
        a.events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.occurredAt, schemaVersion: e.schemaVersion, metadata: e.metadata })),
        { recordedAt: a.recordedAt },
      );
      streams.add(a.streamId);
      events += a.events.length;
    }
    if (copy % 200 === 0) log(`generated ${events} events`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  await store.close();
  db.close();
  return { events, streams: streams.size, seconds: (Date.now() - started) / 1000 };
};

type Row = {
  position: number;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  occurred_at: string;
  recorded_at: string;
  data: string;
  metadata: string;
};

/** Copies the SQLite events, rows as stored, into PostgreSQL (the schema the store creates). */
export const copyToPostgres = async (file: string, url: string): Promise<number> => {
  const started = Date.now();
  const pool = new Pool({ connectionString: url, max: 4 });
  const store = await PostgresEventStore.open(pool, { listen: false });
  await store.close();
  const db = new Database(file, { readonly: true });
  const select = db.prepare<[number, number], Row>(
    'SELECT position, id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, data, metadata FROM events WHERE position > ? ORDER BY position LIMIT ?',
  );
  const insert = `INSERT INTO events (position, id, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, data, metadata)
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(position bigint, id uuid, stream_id text, stream_version int, type text,
      schema_version int, occurred_at text, recorded_at text, data jsonb, metadata jsonb)`;
  let from = 0;
  let copied = 0;
  for (;;) {
    const rows = select.all(from, 5000);
    if (rows.length === 0) break;
    const json = `[${rows.map((r) => JSON.stringify({ ...r, data: 0, metadata: 0 }).replace('"data":0', `"data":${r.data}`).replace('"metadata":0', `"metadata":${r.metadata}`)).join(',')}]`;
    await pool.query(insert, [json]);
    from = rows[rows.length - 1]!.position;
    copied += rows.length;
    if (copied % 100_000 === 0) log(`copied ${copied} events to PostgreSQL`);
  }
  await pool.query('ANALYZE events');
  db.close();
  await pool.end();
  log(`copied ${copied} events to PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return copied;
};

