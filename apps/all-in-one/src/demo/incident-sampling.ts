import { dayDiff, distanceKm, type IncidentKind, type IncidentSource } from '@poc/domain';
import { BUFFALO_PLACES, CERCLE_SEATS, labels, near, type Place } from './places';
import { plusHours, type Rng } from './prng';
import type { Presence } from './scenario-step';

/** Weights: attacks on villages and militia clashes dominate central Mali's reports. */
const KINDS: readonly (readonly [IncidentKind, number])[] = [
  ['attack-on-civilians', 45],
  ['clash', 30],
  ['abduction', 10],
  ['looting', 8],
  ['ied-explosion', 4],
  ['other', 3],
];

const SOURCES: readonly (readonly [IncidentSource, number])[] = [['uniformed', 35], ['civilian', 35], ['hotline', 15], ['media', 15]];

/** What a report says, before it becomes a command. */
export type IncidentDraft = {
  incidentId: string;
  occurredAt: string;
  recordedAt: string;
  location: { lat: number; lon: number; precision: 1 | 2 | 3; place?: string; cercle: string; region: string };
  kind: IncidentKind;
  fatalities: number;
  injured: number;
  targetsCivilians: boolean;
  source: IncidentSource;
  timePrecision: 1 | 2;
};

const VICINITY_KM = 10;
const WINDOW_DAYS = 14;

/**
 * The chance an attack that would have happened does happen, given peacekeepers' presence
 * nearby: low while they are there, recovering over the two weeks after they leave, as the
 * mission's survey tool found (CONTEXT.md). The generator thins a uniform process with it.
 */
export const deterrence = (point: { lat: number; lon: number }, time: string, presences: readonly Presence[]): number => {
  let chance = 1;
  for (const p of presences) {
    if (distanceKm(point, p) > VICINITY_KM || Date.parse(time) < Date.parse(p.from)) continue;
    if (Date.parse(time) <= Date.parse(p.to)) chance = Math.min(chance, 0.1);
    else {
      const k = dayDiff(p.to, time);
      if (k <= WINDOW_DAYS) chance = Math.min(chance, 0.1 + 0.05 * k);
    }
  }
  return chance;
};

/** Geometric counts: most incidents kill few or none, a rare massacre kills many. */
const casualties = (rng: Rng, mean: number): number => {
  const n = Math.floor(-Math.log(1 - rng.next()) * mean);
  return rng.chance(0.03) ? n * 5 + rng.int(5, 15) : n;
};

const FATALITY_MEANS: Record<IncidentKind, number> = {
  'attack-on-civilians': 2,
  clash: 2.5,
  abduction: 0.2,
  looting: 0.3,
  'ied-explosion': 1,
  other: 0.3,
};

/** ACLED geo_precision: most reports name the village; a few only the area or the cercle. */
const locate = (rng: Rng, place: Place): IncidentDraft['location'] => {
  const r = rng.next();
  if (r < 0.03) {
    const seat = CERCLE_SEATS[place.cercle]!;
    return { lat: seat.lat, lon: seat.lon, precision: 3, cercle: place.cercle, region: place.region };
  }
  if (r < 0.08) return { lat: place.lat, lon: place.lon, precision: 2, ...labels(place) };
  return { ...near(rng, place, 12), precision: 1, ...labels(place) };
};

/** Reports come in hours after, or for three in ten, one to ten days late (CONTEXT.md). */
const recordedAfter = (rng: Rng, occurredAt: string): string =>
  rng.chance(0.3) ? plusHours(occurredAt, rng.int(1, 10) * 24 + rng.between(0, 12)) : plusHours(occurredAt, rng.between(0.5, 12));

export const draftIncident = (rng: Rng, occurredAt: string, place: Place, kind: IncidentKind): IncidentDraft => ({
  incidentId: rng.uuid(),
  occurredAt,
  recordedAt: recordedAfter(rng, occurredAt),
  location: locate(rng, place),
  kind,
  fatalities: casualties(rng, FATALITY_MEANS[kind]),
  injured: casualties(rng, 1),
  targetsCivilians: kind === 'attack-on-civilians' || kind === 'abduction' || kind === 'looting' || (kind === 'ied-explosion' && rng.chance(0.5)),
  source: rng.weighted(SOURCES),
  timePrecision: rng.chance(0.04) ? 2 : 1,
});

/**
 * `count` incidents over [from, to): candidates drawn uniformly in time and around the
 * weighted places (a homogeneous Poisson process), kept with the deterrence chance. What
 * remains is thinner near patrols, which is what the deterrence read model should find.
 */
export const sampleIncidents = (rng: Rng, count: number, from: string, to: string, presences: readonly Presence[]): IncidentDraft[] => {
  const drafts: IncidentDraft[] = [];
  const span = Date.parse(to) - Date.parse(from);
  while (drafts.length < count) {
    const occurredAt = new Date(Date.parse(from) + Math.floor(rng.next() * span)).toISOString();
    const draft = draftIncident(rng, occurredAt, rng.weighted(BUFFALO_PLACES), rng.weighted(KINDS));
    if (rng.chance(deterrence(draft.location, occurredAt, presences))) drafts.push(draft);
  }
  return drafts.sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt));
};
