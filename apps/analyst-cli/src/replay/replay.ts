import Database from 'better-sqlite3';
import type { StoredEvent } from '@poc/domain';
import type { EventStore } from '@poc/event-store';
import { countByStatus, countRows, dailyIncidentCounts, incidentsProjection, ProjectionRunner, SqliteReadModelStore, type Projection } from '@poc/projections';
import { NO_PROGRESS, type Progress } from '../shared/progress';

/**
 * Which events a replay keeps. `until`: what had happened by then (world time, occurredAt);
 * `asKnownAt`: what the store had been told by then (recordedAt). Both inclusive; either may
 * be left out.
 */
export type ReplayCut = Readonly<{ until?: string; asKnownAt?: string }>;

export const keepsEvent = (cut: ReplayCut): ((event: StoredEvent) => boolean) => {
  // Compared as instants: '…:59Z' and '…:59.000Z' are the same time but not the same string.
  const until = cut.until ? Date.parse(cut.until) : Number.POSITIVE_INFINITY;
  const knownAt = cut.asKnownAt ? Date.parse(cut.asKnownAt) : Number.POSITIVE_INFINITY;
  return (e) => Date.parse(e.occurredAt) <= until && Date.parse(e.recordedAt) <= knownAt;
};

export type DailyCount = Readonly<{ day: string; count: number }>;

export type ReplaySummary = Readonly<{
  cut: ReplayCut;
  /** Events read (the whole store up to its last position when the replay began) and kept. */
  read: number;
  kept: number;
  lastPosition: number;
  documents: readonly Readonly<{ projection: string; count: number; byStatus?: Readonly<Record<string, number>> }>[];
  /** Active incidents per UTC day they occurred on. */
  incidentsPerDay: readonly DailyCount[];
}>;

/**
 * The read models as they stood at a cut, built from the event store into a throwaway
 * in-memory SQLite database (whichever store the events are in): the live read models are
 * never touched. Events are applied in store order, like any projector, only those the cut
 * keeps. `close` frees the database.
 */
export class Replay {
  private readonly db = new Database(':memory:');
  readonly store = new SqliteReadModelStore(this.db);
  private summaryOf?: Pick<ReplaySummary, 'read' | 'kept' | 'lastPosition'>;

  constructor(
    private readonly projections: readonly Projection[],
    private readonly cut: ReplayCut,
  ) {}

  async build(eventStore: EventStore, progress: Progress = NO_PROGRESS, batchSize = 2000): Promise<void> {
    const runner = new ProjectionRunner(this.store, this.projections);
    await runner.init();
    const keep = keepsEvent(this.cut);
    const lastPosition = await eventStore.lastPosition();
    let read = 0;
    let kept = 0;
    progress.start(lastPosition);
    try {
      for (let position = 0; position < lastPosition; ) {
        const batch = await eventStore.readAll({ fromPosition: position, limit: batchSize });
        if (batch.length === 0) break;
        const chosen = batch.filter((e) => e.position <= lastPosition && keep(e));
        if (chosen.length > 0) await runner.handle(chosen);
        read += batch.filter((e) => e.position <= lastPosition).length;
        kept += chosen.length;
        position = batch[batch.length - 1]!.position;
        progress.update(Math.min(position, lastPosition), read);
      }
    } finally {
      progress.stop();
    }
    this.summaryOf = { read, kept, lastPosition };
  }

  async summary(): Promise<ReplaySummary> {
    if (!this.summaryOf) throw new Error('build the replay first');
    const documents: ReplaySummary['documents'][number][] = [];
    for (const p of this.projections) {
      const [all] = await this.store.countBy(p.collection, []);
      const statusCount = countByStatus(p.collection);
      const byStatus = statusCount && Object.fromEntries((await countRows(this.store, p.collection, statusCount)).map((r) => [r.status, r.count]));
      documents.push({ projection: p.name, count: all?.count ?? 0, ...(byStatus && { byStatus }) });
    }
    const daily = this.projections.includes(incidentsProjection as Projection) ? await countRows(this.store, incidentsProjection.collection, dailyIncidentCounts([])) : [];
    return {
      cut: this.cut,
      ...this.summaryOf,
      documents,
      incidentsPerDay: daily.map((r) => ({ day: r.day, count: r.count })),
    };
  }

  /**
   * Every document of every read model, by projection and key. Read straight from the
   * throwaway database this replay owns (the port's `find` gives documents without keys).
   */
  *documents(): Generator<Readonly<{ projection: string; key: string; doc: unknown }>> {
    for (const p of this.projections) {
      const table = `rm_${p.collection.name}`;
      if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`bad collection name ${p.collection.name}`);
      const rows = this.db.prepare(`SELECT key, doc FROM "${table}" ORDER BY key`).iterate() as IterableIterator<{ key: string; doc: string }>;
      for (const row of rows) yield { projection: p.name, key: row.key, doc: JSON.parse(row.doc) as unknown };
    }
  }

  close(): void {
    this.db.close();
  }
}

export const renderSummary = (s: ReplaySummary): string => {
  const lines = ['read models as they stood'];
  if (s.cut.until) lines.push(`  until        ${s.cut.until}  (events that had occurred by then)`);
  if (s.cut.asKnownAt) lines.push(`  as known at  ${s.cut.asKnownAt}  (events recorded by then)`);
  lines.push(`  from ${s.kept} of the ${s.read} events up to position ${s.lastPosition}`, '', 'documents per projection:');
  for (const d of s.documents) {
    const statuses = d.byStatus && Object.keys(d.byStatus).length > 0
      ? `   (${Object.entries(d.byStatus).map(([status, n]) => `${n} ${status}`).join(', ')})`
      : '';
    lines.push(`  ${d.projection.padEnd(24)} ${String(d.count).padStart(8)}${statuses}`);
  }
  lines.push('', 'incidents per day (active, by the UTC day they occurred):');
  if (s.incidentsPerDay.length === 0) lines.push('  none');
  for (const d of s.incidentsPerDay) lines.push(`  ${d.day.padEnd(24)} ${String(d.count).padStart(8)}`);
  const total = s.incidentsPerDay.reduce((sum, d) => sum + d.count, 0);
  if (s.incidentsPerDay.length > 0) lines.push(`  ${'total'.padEnd(24)} ${String(total).padStart(8)}`);
  return `${lines.join('\n')}\n`;
};
