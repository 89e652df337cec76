import type { GeoPrecision } from '../shared/location';

export type PlaceKind = 'place' | 'cercle' | 'region';

export type GazetteerEntry = Readonly<{
  name: string;
  kind: PlaceKind;
  lat: number;
  lon: number;
  /** ACLED geo_precision an incident coded at this entry gets. */
  precision: GeoPrecision;
  cercle?: string;
  region: string;
}>;

type Town = readonly [name: string, lat: number, lon: number, region: string, cercle: string | undefined, precision: GeoPrecision];

/**
 * The places of ../shared/mission/DOMAIN.md ("Places", region › cercle as in 2020), with its
 * coordinates. Precision from its confidence: high and ±2 km are the town itself (1);
 * medium, low and ±10–15 km only near it (2): their coordinates are approximations.
 */
const TOWNS: readonly Town[] = [
  ['Bamako', 12.6392, -8.0029, 'Bamako', undefined, 1],
  ['Mopti', 14.4843, -4.183, 'Mopti', 'Mopti', 1],
  ['Sévaré', 14.53, -4.1, 'Mopti', 'Mopti', 1],
  ['Bandiagara', 14.3501, -3.6104, 'Mopti', 'Bandiagara', 1],
  ['Bankass', 14.0775, -3.5159, 'Mopti', 'Bankass', 1],
  ['Koro', 14.064, -3.0754, 'Mopti', 'Koro', 1],
  ['Djenné', 13.9061, -4.5533, 'Mopti', 'Djenné', 1],
  ['Femaye', 14.1, -4.45, 'Mopti', 'Djenné', 2],
  ['Ténenkou', 14.4572, -4.9169, 'Mopti', 'Ténenkou', 1],
  // Could not be located (DOMAIN.md): coded at its cercle seat, region-level precision.
  ['Malimana', 14.4572, -4.9169, 'Mopti', 'Ténenkou', 3],
  ['Dioungani', 14.35, -2.85, 'Mopti', 'Koro', 2],
  ['Gourty', 14.29, -2.84, 'Mopti', 'Koro', 2],
  ['Douna Pen', 14.32, -2.87, 'Mopti', 'Koro', 2],
  ['Ogossagou', 14.15, -3.62, 'Mopti', 'Bankass', 2],
  ['Gao', 16.2717, -0.0447, 'Gao', 'Gao', 1],
  ['Labbezanga', 14.95, 0.72, 'Gao', 'Ansongo', 2],
  ['Ansongo', 15.6597, 0.5022, 'Gao', 'Ansongo', 1],
  ['Ménaka', 15.9199, 2.3961, 'Ménaka', 'Ménaka', 1],
  ['Timbuktu', 16.7735, -3.0074, 'Tombouctou', 'Tombouctou', 1],
  ['Goundam', 16.4145, -3.6708, 'Tombouctou', 'Goundam', 1],
  ['Niafunké', 15.9322, -3.9906, 'Tombouctou', 'Niafunké', 1],
  ['Tonka', 16.1339, -3.7486, 'Tombouctou', 'Goundam', 1],
  ['Kidal', 18.4435, 1.4092, 'Kidal', 'Kidal', 1],
  // Region seats outside the table, each the seat of the cercle of its name.
  ['Ségou', 13.4317, -6.2157, 'Ségou', 'Ségou', 1],
  ['Sikasso', 11.3176, -5.6665, 'Sikasso', 'Sikasso', 1],
  ['Kayes', 14.4469, -11.4445, 'Kayes', 'Kayes', 1],
  ['Koulikoro', 12.8627, -7.5599, 'Koulikoro', 'Koulikoro', 1],
];

/** Cercles named in DOMAIN.md's table → the town that is their seat. */
const CERCLE_SEATS: Readonly<Record<string, string>> = {
  Mopti: 'Mopti', Bandiagara: 'Bandiagara', Bankass: 'Bankass', Koro: 'Koro', Djenné: 'Djenné', Ténenkou: 'Ténenkou',
  Gao: 'Gao', Ansongo: 'Ansongo', Ménaka: 'Ménaka', Tombouctou: 'Timbuktu', Goundam: 'Goundam', Niafunké: 'Niafunké', Kidal: 'Kidal',
};

/** Regions → their seat town (Bamako is a district of its own, with no cercle). */
const REGION_SEATS: Readonly<Record<string, string>> = {
  Bamako: 'Bamako', Mopti: 'Mopti', Gao: 'Gao', Ménaka: 'Ménaka', Tombouctou: 'Timbuktu', Kidal: 'Kidal',
  Ségou: 'Ségou', Sikasso: 'Sikasso', Kayes: 'Kayes', Koulikoro: 'Koulikoro',
};

const town = (name: string): Town => {
  const found = TOWNS.find((t) => t[0] === name);
  if (!found) throw new Error(`gazetteer: no town ${name}`);
  return found;
};

const places: GazetteerEntry[] = TOWNS.map(([name, lat, lon, region, cercle, precision]) => ({ name, kind: 'place', lat, lon, precision, ...(cercle && { cercle }), region }));

/** A cercle or region is found at its seat: an incident known only by it is coded there. */
const cercles: GazetteerEntry[] = Object.entries(CERCLE_SEATS).map(([cercle, seat]) => {
  const [, lat, lon, region] = town(seat);
  return { name: cercle, kind: 'cercle', lat, lon, precision: 2, cercle, region };
});

const regions: GazetteerEntry[] = Object.entries(REGION_SEATS).map(([region, seat]) => {
  const [, lat, lon] = town(seat);
  return { name: region, kind: 'region', lat, lon, precision: 3, region };
});

export const GAZETTEER: readonly GazetteerEntry[] = [...places, ...cercles, ...regions];
