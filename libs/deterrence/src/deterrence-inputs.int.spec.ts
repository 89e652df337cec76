import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS, incidentsProjection, presencesProjection, ProjectionRunner, SqliteReadModelStore, verdictsByIncident, type IncidentView, type PresenceView } from '@poc/projections';
import { area, at, EventLog, offsetKm } from '@poc/projections/testing';
import { coverCells } from './cell-cover';
import { computeDeterrence } from './compute-deterrence';
import { DeterrenceInputs } from './deterrence-inputs';
import type { EpisodeFilter } from './episodes';
import { fetchPlan } from './fetch-plan';
import { readerOf } from './read-model-reader';
import { SelectionTooLarge } from './selection-too-large';

/**
 * The probes behind GET /deterrence (focal presences, overlapping presences, incidents by H3
 * cell and day, in chunks) against a real SQLite read-model store: whatever they leave out,
 * the engine's result must be the one it gives on every presence and every incident.
 */
const ASOF = '2021-06-01T00:00:00.000Z';
const day = (offset: number, hour = 12) => new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000 + hour * 3_600_000).toISOString();

/** A small deterministic generator: the test must not depend on Math.random. */
const lcg = (seed: number) => () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

/** 36 places 0.9° apart (far enough that their 25 km disks barely overlap), 3 patrols and 30 incidents each. */
const history = (): EventLog => {
  const log = new EventLog();
  const rnd = lcg(42);
  for (let i = 0; i < 36; i++) {
    const place = { lat: 12 + Math.floor(i / 6) * 0.9, lon: -6 + (i % 6) * 0.9 };
    const cercle = `C${i % 5}`;
    for (let j = 0; j < 3; j++) {
      const start = i * 7 + j * 40;
      const stops = [1, 2].slice(0, 1 + (j % 2)).map((n) => {
        const p = offsetKm(place, i * 10 + n * 90, 3 * n);
        return { location: at(p, { cercle }), arrivedAt: day(start + n - 1, 18), departedAt: day(start + n, 7), overnight: true };
      });
      const patrolId = `p${i}-${j}`;
      log.patrolDeployed(patrolId, { operation: `Op ${j}`, unit: `U${i % 4}`, startedAt: day(start, 6), area: area(place, 10) });
      log.patrolCompleted(patrolId, { endedAt: day(start + 3, 10), stops });
    }
    for (let k = 0; k < 30; k++) {
      const geo = k % 10 === 0 ? 3 : 1;
      const point = offsetKm(place, rnd() * 360, rnd() * 30);
      const occurred = day(-60 + Math.floor(rnd() * 400));
      log.incidentReported(
        `i${i}-${k}`,
        { location: at(point, { precision: geo, cercle }), timePrecision: k % 7 === 0 ? 2 : 1, ...(k % 3 === 0 && { source: 'uniformed', reportingUnit: `U${i % 4}` }) },
        { occurredAt: occurred, recordedAt: new Date(Date.parse(occurred) + Math.floor(rnd() * 5) * 86_400_000).toISOString() },
      );
    }
  }
  return log;
};

describe('DeterrenceInputs (SQLite read models)', () => {
  let dir: string;
  let db: Database.Database;
  let store: SqliteReadModelStore;
  let inputs: DeterrenceInputs;
  let presences: PresenceView[];
  let incidents: IncidentView[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deterrence-inputs-'));
    db = new Database(join(dir, 'rm.sqlite'));
    store = new SqliteReadModelStore(db);
    const runner = new ProjectionRunner(store, ALL_PROJECTIONS);
    await runner.init();
    await runner.handle(history().events);
    inputs = new DeterrenceInputs(readerOf(store));
    presences = await store.find<PresenceView>(presencesProjection.collection);
    incidents = await store.find<IncidentView>(incidentsProjection.collection);
  });

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a pool whose disks name more H3 cells than SQLite binds in one statement (32,766)', async () => {
    expect(coverCells(fetchPlan(presences.flatMap((p) => p.episodes), { radiusKm: 25 }).cover).length).toBeGreaterThan(32_766);
    const found = await inputs.forPresences(presences, { radiusKm: 25, asOf: ASOF });
    expect(found.incidents.length).toBeGreaterThan(0);
  });

  const selections: [string, EpisodeFilter][] = [
    ['everything', {}],
    ['one operation', { operation: 'Op 1' }],
    ['a period', { from: '2020-02-01', to: '2020-04-30' }],
    ['from only', { from: '2020-06-01' }],
    ['to only', { to: '2020-03-15' }],
    ['a cercle (not probed: checked per episode)', { cercle: 'C2' }],
    ['an operation in a period', { operation: 'Op 0', from: '2020-03-01', to: '2020-05-31' }],
  ];

  it.each(selections)('%s: the probed inputs give the result of every presence and every incident', async (_, filter) => {
    const focal = await inputs.focal(filter, ASOF);
    const probed = await inputs.forPresences(focal, { radiusKm: 10, asOf: ASOF });
    // The lag is given: left to itself the engine measures it on the incidents it is given.
    const common = { asOf: ASOF, radiusKm: 10, filter, reportingLagDays: 2 };
    const oracle = computeDeterrence({ ...common, episodes: presences.flatMap((p) => p.episodes), incidents, retaliationVerdicts: verdictsByIncident([]) });
    expect(computeDeterrence({ ...common, ...probed })).toEqual(oracle);
    expect(oracle.episodes).toBeGreaterThan(0);
  });

  it('a read model built before the h3_5 column (NULL until rebuilt) gets the same incidents, through a probe per resolution-7 cell', async () => {
    const probe = async () => {
      const found = await inputs.forPresences(await inputs.focal({ operation: 'Op 1' }, ASOF), { radiusKm: 10, asOf: ASOF });
      return found.incidents.map((i) => i.incidentId).sort();
    };
    const byParent = await probe();
    expect(byParent.length).toBeGreaterThan(0);
    const filled = db.prepare('SELECT key, h3_5 FROM rm_incidents').all() as { key: string; h3_5: string }[];
    db.prepare('UPDATE rm_incidents SET h3_5 = NULL').run();
    try {
      const find = jest.spyOn(store, 'find');
      expect(await probe()).toEqual(byParent);
      expect(find.mock.calls.some(([, query]) => query?.where?.some((c) => c.column === 'h3'))).toBe(true);
      find.mockRestore();
    } finally {
      const restore = db.prepare('UPDATE rm_incidents SET h3_5 = ? WHERE key = ?');
      for (const row of filled) restore.run(row.h3_5, row.key);
    }
  });

  it('reads the incidents as columns, and an incident as its document when the columns cannot stand for it', async () => {
    const filter = { operation: 'Op 1' };
    const probe = async () => computeDeterrence({ asOf: ASOF, radiusKm: 10, filter, reportingLagDays: 2, ...(await inputs.forPresences(await inputs.focal(filter, ASOF), { radiusKm: 10, asOf: ASOF })) });
    const find = jest.spyOn(store, 'find');
    const asColumns = await probe();
    const documentsByKey = () => find.mock.calls.filter(([collection, query]) => collection === incidentsProjection.collection && query?.where?.[0]?.column === 'key');
    // None corrected nor retracted here: not one document read by key.
    expect(documentsByKey()).toEqual([]);
    // Rows written before version 4 of the projection (lat, lon… NULL until rebuilt): documents.
    const filled = db.prepare('SELECT key, lat, lon FROM rm_incidents').all() as { key: string; lat: number; lon: number }[];
    db.prepare('UPDATE rm_incidents SET lat = NULL, lon = NULL').run();
    try {
      find.mockClear();
      expect(await probe()).toEqual(asColumns);
      expect((documentsByKey()[0]![1]!.where![0]!.value as string[]).length).toBeGreaterThan(0);
    } finally {
      const restore = db.prepare('UPDATE rm_incidents SET lat = ?, lon = ? WHERE key = ?');
      for (const row of filled) restore.run(row.lat, row.lon, row.key);
      find.mockRestore();
    }
  });

  it('probes only the presences a narrow selection needs', async () => {
    const focal = await inputs.focal({ operation: 'Op 0', from: '2020-03-01', to: '2020-05-31' }, ASOF);
    expect(focal.length).toBeGreaterThan(0);
    expect(focal.length).toBeLessThan(presences.length / 5);
    const probed = await inputs.forPresences(focal, { radiusKm: 10, asOf: ASOF });
    expect(probed.incidents.length).toBeLessThan(incidents.length / 2);
  });

  it('refuses (SelectionTooLarge; the API answers 422) a selection that reaches more incidents, or more episodes, than one request computes', async () => {
    const fewIncidents = Object.assign(new DeterrenceInputs(readerOf(store)), { maxIncidents: 50 });
    await expect(fewIncidents.forPresences(presences, { radiusKm: 25, asOf: ASOF })).rejects.toThrow(new SelectionTooLarge('incidents', 50));
    const fewEpisodes = Object.assign(new DeterrenceInputs(readerOf(store)), { maxEpisodes: 5 });
    await expect(fewEpisodes.forPresences(presences, { radiusKm: 10, asOf: ASOF })).rejects.toThrow(new SelectionTooLarge('presence episodes', 5));
    await expect(fewEpisodes.forPresences(presences.slice(0, 2), { radiusKm: 10, asOf: ASOF })).resolves.toBeDefined();
  });
});
