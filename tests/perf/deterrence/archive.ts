/**
 * A mission-scale archive for the deterrence benchmark: `patrols` patrols and `incidents`
 * incidents, made by the real deciders (so every event is one the domain accepts).
 *
 * Where and when — the choice that decides what a query costs, so it is spelled out:
 * - 20 years (2005–2024) over the central Sahel box lat 10.5–17.5, lon −6–4 (~850,000 km²),
 *   2,000 villages weighted 1/√rank (hotspots: the first village takes ~1%, the first 100 ~20%);
 * - 1,000,000 incidents is ~137 a day, ~50 times ACLED's Mali rate: a stress archive, whose
 *   density near hotspots is what a patrol's window meets;
 * - incidents lie within 10 km of a village: 85% place-precise (geo 1), 10% near a town (2),
 *   5% region only (3, coded at the cercle seat); 90% day-precise, 7% week, 3% month;
 *   reported 0–60 days late (exponential, mean 2 days);
 * - patrols go where the violence is (villages by the same weights, within a sector): 4
 *   sectors by longitude, an operation per sector and quarter (`Sector <s> <year>Q<q>`,
 *   320 operations, ~31 patrols each), 16 units; 2–6 days out, 1–3 overnight stops reported
 *   at completion. The last `underWay` patrols (by start) are left deployed, for the
 *   completion measurement.
 */
import { incidentDecider, incidentStreamId, INCIDENT_KINDS, INCIDENT_SOURCES, patrolDecider, patrolStreamId, type DomainEvent } from '@poc/domain';
import { createRng, type Rng } from '../../../apps/all-in-one/src/demo/prng';

export const PERIOD = { from: Date.UTC(2005, 0, 1), days: 7305 };
const BOX = { lat: [10.5, 17.5], lon: [-6, 4] } as const;
const DAY_MS = 86_400_000;
const KM_PER_DEG = 111.32;

export type Village = Readonly<{ lat: number; lon: number; weight: number; cercle: string; sector: number; name: string }>;

/** One command's events, for one stream, as the store will get them. */
export type Append = Readonly<{ streamId: string; events: DomainEvent[]; recordedAt: string }>;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const iso = (ms: number) => new Date(ms).toISOString();
const NOW = new Date().toISOString();
const context = { now: NOW };

export const villages = (rng: Rng, count = 2000): Village[] =>
  Array.from({ length: count }, (_, i) => {
    const lat = round5(rng.between(BOX.lat[0], BOX.lat[1]));
    const lon = round5(rng.between(BOX.lon[0], BOX.lon[1]));
    // Cercles: an 8 × 5 grid over the box; sectors: 4 bands of longitude.
    const cercle = `Cercle ${Math.floor(((lat - BOX.lat[0]) / 7) * 8)}-${Math.floor(((lon - BOX.lon[0]) / 10) * 5)}`;
    return { lat, lon, weight: 1 / Math.sqrt(i + 1), cercle, sector: Math.min(3, Math.floor(((lon - BOX.lon[0]) / 10) * 4)), name: `Village ${i}` };
  });

const around = (rng: Rng, v: Village, radiusKm: number) => {
  const r = radiusKm * Math.sqrt(rng.next());
  const theta = rng.between(0, 2 * Math.PI);
  return { lat: round5(v.lat + (r * Math.cos(theta)) / KM_PER_DEG), lon: round5(v.lon + (r * Math.sin(theta)) / (KM_PER_DEG * Math.cos((v.lat * Math.PI) / 180))) };
};

const seatOf = (all: readonly Village[]) => {
  const seats = new Map<string, Village>();
  for (const v of all) if (!seats.has(v.cercle)) seats.set(v.cercle, v);
  return (cercle: string) => seats.get(cercle)!;
};

export const unitsOf = (sector: number) => [0, 1, 2, 3].map((u) => `Unit ${sector}${u}`);

/** Incident number `i`: its ReportIncident, decided, with when it was recorded. */
export const incidentAppend = (rng: Rng, weighted: readonly (readonly [Village, number])[], seat: (c: string) => Village, at?: number): Append => {
  const village = rng.weighted(weighted);
  const occurred = at ?? PERIOD.from + Math.floor(rng.next() * PERIOD.days * DAY_MS);
  const geo = rng.chance(0.05) ? 3 : rng.chance(0.1) ? 2 : 1;
  const point = geo === 3 ? seat(village.cercle) : around(rng, village, 10);
  const timePrecision = rng.chance(0.03) ? 3 : rng.chance(0.07) ? 2 : 1;
  const source = rng.pick(INCIDENT_SOURCES);
  const incidentId = rng.uuid();
  const events = incidentDecider.decide(
    {
      type: 'ReportIncident',
      context,
      data: {
        incidentId,
        occurredAt: iso(occurred),
        location: { lat: point.lat, lon: point.lon, precision: geo, cercle: village.cercle, region: `Sector ${village.sector}`, ...(geo < 3 && { place: village.name }) },
        kind: rng.pick(INCIDENT_KINDS),
        fatalities: rng.chance(0.3) ? rng.int(1, 12) : 0,
        injured: rng.chance(0.3) ? rng.int(1, 20) : 0,
        source,
        timePrecision,
        ...(source === 'uniformed' && { reportingUnit: rng.pick(unitsOf(village.sector)) }),
      },
    },
    incidentDecider.initialState(),
  );
  const lagMs = Math.min(60 * DAY_MS, -Math.log(1 - rng.next()) * 2 * DAY_MS);
  return { streamId: incidentStreamId(incidentId), events, recordedAt: iso(Math.min(Date.now(), occurred + lagMs)) };
};

export type PatrolPlan = Readonly<{ patrolId: string; deploy: Append; complete: Append; startedAt: number; endedAt: number; village: Village }>;

export const patrolPlan = (rng: Rng, bySector: readonly (readonly (readonly [Village, number])[])[], index: number, start?: number): PatrolPlan => {
  const sector = index % 4;
  const village = rng.weighted(bySector[sector]!);
  const startedAt = start ?? PERIOD.from + Math.floor(rng.next() * (PERIOD.days - 7) * DAY_MS);
  const days = rng.int(2, 6);
  const endedAt = startedAt + days * DAY_MS;
  const date = new Date(startedAt);
  const operation = `Sector ${sector} ${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
  const patrolId = rng.uuid();
  const streamId = patrolStreamId(patrolId);
  const deployed = patrolDecider.decide(
    { type: 'DeployPatrol', context, data: { patrolId, operation, unit: rng.pick(unitsOf(sector)), startedAt: iso(startedAt), area: { lat: village.lat, lon: village.lon, radiusKm: 15 } } },
    patrolDecider.initialState(),
  );
  // Overnight stops, in order, inside the patrol's days.
  const count = Math.min(days - 1, rng.int(1, 3));
  const stops = Array.from({ length: count }, (_, s) => {
    const p = around(rng, village, 12);
    const night = startedAt + (s + 1) * DAY_MS;
    return { lat: p.lat, lon: p.lon, arrivedAt: iso(night - 4 * 3_600_000), departedAt: iso(night + 8 * 3_600_000), overnight: true, cercle: village.cercle };
  });
  const state = patrolDecider.evolve(patrolDecider.initialState(), deployed[0]!);
  const completed = patrolDecider.decide({ type: 'CompletePatrol', context, data: { patrolId, endedAt: iso(endedAt), stops } }, state);
  return {
    patrolId,
    deploy: { streamId, events: deployed, recordedAt: iso(startedAt + 3_600_000) },
    complete: { streamId, events: completed, recordedAt: iso(endedAt + 3_600_000) },
    startedAt,
    endedAt,
    village,
  };
};

export type Archive = Readonly<{
  villages: readonly Village[];
  weighted: readonly (readonly [Village, number])[];
  bySector: readonly (readonly (readonly [Village, number])[])[];
  seat: (cercle: string) => Village;
  rng: Rng;
}>;

export const archive = (seed: number): Archive => {
  const rng = createRng(seed);
  const all = villages(rng);
  const weighted = all.map((v) => [v, v.weight] as const);
  const bySector = [0, 1, 2, 3].map((s) => weighted.filter(([v]) => v.sector === s));
  return { villages: all, weighted, bySector, seat: seatOf(all), rng };
};
