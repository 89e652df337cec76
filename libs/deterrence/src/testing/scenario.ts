import { toLocation } from '@poc/domain';
import { type IncidentView, type Episode } from '@poc/projections';
import { offsetKm } from '@poc/projections/testing';
import { DAY_MS, dayString } from '../days';

/**
 * A simulated history with a known truth, to check that the engine recovers it. Places lie
 * ≈110 km apart (their 25 km disks never meet). At each place, presences come and go; incidents
 * are a Poisson process in space (uniform over the disk) and time whose daily rate within
 * `innerKm` of the place is `ratePerDay` × multiplier: `duringMultiplier` while a presence is
 * there, `suppression(k)` on day k = 1..14 after the most recent departure, 1 otherwise;
 * from innerKm out to outerKm the rate (per km²) is the same, never suppressed. Each report is
 * recorded after an exponential lag; with `ownUnitBoost`, the unit present reports extra
 * incidents during its post window (presence raising reporting).
 */
export type ScenarioOptions = Readonly<{
  seed: number;
  places: number;
  /** Presences are scheduled in days 0..days−60, incidents simulated up to `days`. */
  days: number;
  ratePerDay: number;
  innerKm?: number;
  outerKm?: number;
  suppression?: (k: number) => number;
  duringMultiplier?: number;
  gapDays?: readonly [number, number];
  stayDays?: readonly [number, number];
  meanLagDays?: number;
  ownUnitBoost?: number;
}>;

export type Scenario = Readonly<{ episodes: Episode[]; incidents: IncidentView[]; asOf: string; suppression: (k: number) => number }>;

export const START_DAY = Date.parse('2019-01-01') / DAY_MS;
/** The default truth: 80% fewer incidents on day 1, decaying over the 14 days. */
export const DECAYING_SUPPRESSION = (k: number): number => 1 - 0.8 * Math.exp(-(k - 1) / 4);

/** mulberry32: a small seeded generator, so every run of a test sees the same history. */
export const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const poisson = (random: () => number, mean: number): number => {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = random(); p > limit; p *= random()) k++;
  return k;
};

const between = (random: () => number, [min, max]: readonly [number, number]) => min + Math.floor(random() * (max - min + 1));

type Stay = { arrival: number; departure: number; episodeId: string; unit: string };

export const generateScenario = (options: ScenarioOptions): Scenario => {
  const random = seeded(options.seed);
  const { places, days, ratePerDay, innerKm = 10, outerKm = innerKm, suppression = DECAYING_SUPPRESSION } = options;
  const duringMultiplier = options.duringMultiplier ?? 0.2;
  const meanLagDays = options.meanLagDays ?? 2.5;
  const episodes: Episode[] = [];
  const incidents: IncidentView[] = [];
  const at = (day: number, hours: number) => new Date((START_DAY + day) * DAY_MS + hours * 3_600_000).toISOString();
  for (let p = 0; p < places; p++) {
    const centre = { lat: 13 + Math.floor(p / 8), lon: -6 + (p % 8) };
    const unit = `U${p % 3}`;
    const stays: Stay[] = [];
    for (let day = between(random, options.gapDays ?? [10, 80]); day < days - 60; ) {
      const departure = day + between(random, options.stayDays ?? [0, 3]);
      const stay = { arrival: day, departure, episodeId: `e${p}-${stays.length}`, unit };
      stays.push(stay);
      episodes.push({ episodeId: stay.episodeId, kind: 'patrol-stop', sourceId: `p${p}`, point: centre, arrivedAt: at(day, 8), departedAt: at(departure, 15), operation: 'Sim', unit, cercle: `C${p}` });
      day = departure + between(random, options.gapDays ?? [10, 80]);
    }
    let s = 0;
    const ringShare = (outerKm ** 2 - innerKm ** 2) / innerKm ** 2;
    for (let day = 0; day <= days; day++) {
      while (s + 1 < stays.length && stays[s + 1].arrival <= day) s++;
      const stay = stays[s] && stays[s].arrival <= day ? stays[s] : undefined;
      const k = stay ? day - stay.departure : -1;
      const multiplier = !stay ? 1 : k <= 0 ? duringMultiplier : k <= 14 ? suppression(k) : 1;
      const emit = (minKm: number, maxKm: number, reportingUnit?: string) => {
        const km = Math.sqrt(minKm ** 2 + random() * (maxKm ** 2 - minKm ** 2));
        const point = offsetKm(centre, random() * 360, km);
        const occurredAt = at(day, random() * 24);
        const lag = -Math.log(1 - random()) * meanLagDays;
        incidents.push({
          incidentId: `i${incidents.length}`,
          status: 'active',
          occurredAt,
          recordedAt: new Date(Date.parse(occurredAt) + lag * DAY_MS).toISOString(),
          location: toLocation({ ...point, precision: 1, cercle: `C${p}` }),
          kind: 'attack-on-civilians',
          fatalities: 0,
          injured: 0,
          targetsCivilians: random() < 0.5,
          timePrecision: 1,
          corrections: 0,
          ...(reportingUnit !== undefined && { reportingUnit }),
        });
      };
      for (let n = poisson(random, ratePerDay * multiplier); n > 0; n--) emit(0, innerKm);
      if (outerKm > innerKm) for (let n = poisson(random, ratePerDay * ringShare); n > 0; n--) emit(innerKm, outerKm);
      if (stay && k >= 1 && k <= 14 && options.ownUnitBoost) {
        for (let n = poisson(random, ratePerDay * multiplier * options.ownUnitBoost); n > 0; n--) emit(0, innerKm, stay.unit);
      }
    }
  }
  return { episodes, incidents, asOf: `${dayString(START_DAY + days)}T23:59:59.000Z`, suppression };
};
