import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '@poc/domain';
import { SqliteEventStore } from '@poc/event-store';
import { buffaloScenario } from './buffalo-scenario';
import { seedScenario } from './seed';

const DAY_MS = 86_400_000;

const readEverything = async (store: SqliteEventStore): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for (let page = await store.readAll(); page.length > 0; page = await store.readAll({ fromPosition: all[all.length - 1]!.position })) {
    all.push(...page);
  }
  return all;
};

describe('seeding the demo into a SQLite event store', () => {
  const steps = buffaloScenario();
  let dir: string;
  let store: SqliteEventStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'poc-demo-seed-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    await seedScenario(store, steps);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds one stream per stream of the scenario, written by the demo seeder', async () => {
    const events = await readEverything(store);
    expect(new Set(events.map((e) => e.streamId))).toEqual(new Set(steps.map((s) => s.streamId)));
    expect(events.every((e) => e.metadata.actor === 'demo-seeder' && e.metadata.role === 'system')).toBe(true);
  });

  it('records late reports late: recordedAt is the simulated clock, not the seeding time', async () => {
    const reports = (await readEverything(store)).filter((e) => e.type === 'IncidentReported');
    const late = reports.filter((e) => Date.parse(e.recordedAt) - Date.parse(e.occurredAt) >= DAY_MS);
    expect(late.length).toBeGreaterThan(reports.length / 5);
    expect(reports.every((e) => e.recordedAt >= e.occurredAt && e.recordedAt < '2020-06-01')).toBe(true);
  });

  it('adds nothing when seeded again', async () => {
    const before = await store.lastPosition();
    const again = await seedScenario(store, steps);
    expect(again).toEqual({ seeded: false, lastPosition: before });
    expect(await store.lastPosition()).toBe(before);
  });
});
