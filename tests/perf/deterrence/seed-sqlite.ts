/**
 * Seeds an embedded DATA_DIR (poc.sqlite) with the archive: events through the real SQLite
 * append path (appends issued a few thousand at a time, so the store's group commit packs
 * them; synchronous=OFF while loading — a load is not a million fsyncs), then the read
 * models through the real ProjectionRunner in batches of 5,000 on the file's own read-model
 * store: the documents, stream versions and checkpoints are exactly what the projector
 * would have written, only without one commit per event.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, upcasting, type EventStore } from '@poc/event-store';
import { ALL_PROJECTIONS, ProjectionRunner, SqliteReadModelStore } from '@poc/projections';
import { archive, incidentAppend, PERIOD, patrolPlan, type Append, type PatrolPlan } from './archive';

/** A patrol left under way, for the completion measurement. */
export type OpenPatrol = Readonly<{ patrolId: string; startedAt: string; lat: number; lon: number; cercle: string }>;

export type Seeded = Readonly<{ seed: number; events: number; patrols: number; incidents: number; underWay: readonly OpenPatrol[]; appendSeconds: number; projectSeconds: number }>;

const SEED_FILE = 'bench-seed.json';

/** A DATA_DIR seeded earlier with the same sizes (`--data-dir` lets a rerun skip seeding). */
export const seededEarlier = (dataDir: string, wanted: { patrols: number; incidents: number; seed: number }): Seeded | undefined => {
  const file = join(dataDir, SEED_FILE);
  if (!existsSync(file)) return undefined;
  const seeded = JSON.parse(readFileSync(file, 'utf8')) as Seeded;
  return seeded.patrols === wanted.patrols && seeded.incidents === wanted.incidents && seeded.seed === wanted.seed ? seeded : undefined;
};

/** Records what is left under way (a rerun on the same DATA_DIR completes other patrols). */
export const saveSeeded = (dataDir: string, seeded: Seeded): void => writeFileSync(join(dataDir, SEED_FILE), JSON.stringify(seeded));

const open = (p: PatrolPlan): OpenPatrol => ({ patrolId: p.patrolId, startedAt: new Date(p.startedAt).toISOString(), lat: p.village.lat, lon: p.village.lon, cercle: p.village.cercle });

const DAY_MS = 86_400_000;
const metadata = { actor: 'bench-seed', role: 'system' as const, correlationId: 'bench-seed' };

const appendAll = async (store: EventStore, appends: readonly Append[]): Promise<void> => {
  await Promise.all(
    appends.map((a) =>
      store.append(
        a.streamId,
        a.events.map((e) => ({ type: e.type, data: e.data, occurredAt: e.occurredAt, metadata })),
        { recordedAt: a.recordedAt },
      ),
    ),
  );
};

export const seedSqlite = async (
  dataDir: string,
  options: { patrols: number; incidents: number; underWay: number; seed: number; log: (line: string) => void },
): Promise<Seeded> => {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, 'poc.sqlite');
  const a = archive(options.seed);
  const db = new Database(file);
  const raw = new SqliteEventStore(db);
  db.pragma('synchronous = OFF');
  const store = upcasting(raw);
  const started = Date.now();

  // Patrols: the last `underWay` (by start, in the last days of the period) stay deployed.
  const plans = Array.from({ length: options.patrols - options.underWay }, (_, i) => patrolPlan(a.rng, a.bySector, i));
  const lastDay = PERIOD.from + (PERIOD.days - 3) * DAY_MS;
  const underWay = Array.from({ length: options.underWay }, (_, i) => patrolPlan(a.rng, a.bySector, i, lastDay + a.rng.int(0, 2 * DAY_MS)));
  for (let i = 0; i < plans.length; i += 2000) await appendAll(store, plans.slice(i, i + 2000).flatMap((p) => [p.deploy, p.complete]));
  await appendAll(store, underWay.map((p) => p.deploy));
  let events = plans.length * 2 + underWay.length;
  for (let done = 0; done < options.incidents; ) {
    const n = Math.min(5000, options.incidents - done);
    await appendAll(store, Array.from({ length: n }, () => incidentAppend(a.rng, a.weighted, a.seat)));
    done += n;
    events += n;
    if (done % 100_000 === 0) options.log(`appended ${done} incidents`);
  }
  const appendSeconds = (Date.now() - started) / 1000;
  options.log(`appended ${events} events in ${appendSeconds.toFixed(0)} s`);

  // The read models, through the runner, on the read-model connection the app itself uses.
  const projectStarted = Date.now();
  const readDb = new Database(file);
  readDb.pragma('journal_mode = WAL');
  readDb.pragma('synchronous = OFF');
  const runner = new ProjectionRunner(new SqliteReadModelStore(readDb), ALL_PROJECTIONS);
  await runner.init();
  let position = await runner.position();
  for (;;) {
    const batch = await store.readAll({ fromPosition: position, limit: 5000 });
    if (batch.length === 0) break;
    await runner.handle(batch);
    position = batch[batch.length - 1]!.position;
    if (position % 100_000 < 5000) options.log(`projected up to position ${position}`);
  }
  const projectSeconds = (Date.now() - projectStarted) / 1000;
  options.log(`projected ${position} events in ${projectSeconds.toFixed(0)} s`);
  readDb.pragma('wal_checkpoint(TRUNCATE)');
  readDb.exec('ANALYZE');
  readDb.close();
  await store.close();
  db.close();
  const seeded: Seeded = { seed: options.seed, events, patrols: options.patrols, incidents: options.incidents, underWay: underWay.map(open), appendSeconds, projectSeconds };
  saveSeeded(dataDir, seeded);
  return seeded;
};
