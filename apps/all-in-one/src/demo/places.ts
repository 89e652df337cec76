import type { Rng } from './prng';

/** From the mission's gazetteer (DOMAIN.md): region › cercle as in 2020. */
export type Place = Readonly<{ place: string; lat: number; lon: number; cercle: string; region: string }>;

const mopti = (place: string, lat: number, lon: number, cercle: string): Place => ({ place, lat, lon, cercle, region: 'Mopti' });
const gao = (place: string, lat: number, lon: number, cercle: string): Place => ({ place, lat, lon, cercle, region: 'Gao' });

export const KORO = mopti('Koro', 14.064, -3.0754, 'Koro');
export const BANKASS = mopti('Bankass', 14.0775, -3.5159, 'Bankass');
export const BANDIAGARA = mopti('Bandiagara', 14.3501, -3.6104, 'Bandiagara');
export const OGOSSAGOU = mopti('Ogossagou', 14.15, -3.62, 'Bankass');
export const DIOUNGANI = mopti('Dioungani', 14.35, -2.85, 'Koro');
export const DOUNA_PEN = mopti('Douna Pen', 14.32, -2.87, 'Koro');
export const GOURTY = mopti('Gourty', 14.29, -2.84, 'Koro');

export const GAO = gao('Gao', 16.2717, -0.0447, 'Gao');
export const ANSONGO = gao('Ansongo', 15.6597, 0.5022, 'Ansongo');
export const LABBEZANGA = gao('Labbezanga', 14.95, 0.72, 'Ansongo');

/** Operation Buffalo's places. The weights are where violence concentrated in early 2020. */
export const BUFFALO_PLACES: readonly (readonly [Place, number])[] = [
  [OGOSSAGOU, 3],
  [BANKASS, 2],
  [KORO, 2],
  [BANDIAGARA, 1.5],
  [DIOUNGANI, 1.5],
  [DOUNA_PEN, 1],
  [GOURTY, 1],
];

/** The cercle seats: where an incident known only by cercle is coded (ACLED geo_precision 3). */
export const CERCLE_SEATS: Readonly<Record<string, Place>> = { Koro: KORO, Bankass: BANKASS, Bandiagara: BANDIAGARA };

const KM_PER_DEG_LAT = 111.32;

/** A point uniformly within `radiusKm` of the place: hamlets and fields around a named village. */
export const near = (rng: Rng, p: Place, radiusKm: number): { lat: number; lon: number } => {
  const r = radiusKm * Math.sqrt(rng.next());
  const theta = rng.between(0, 2 * Math.PI);
  const dLat = (r * Math.cos(theta)) / KM_PER_DEG_LAT;
  const dLon = (r * Math.sin(theta)) / (KM_PER_DEG_LAT * Math.cos((p.lat * Math.PI) / 180));
  return { lat: round(p.lat + dLat), lon: round(p.lon + dLon) };
};

/** Five decimals is about a metre: more would pretend a precision no report has. */
export const round = (x: number): number => Math.round(x * 1e5) / 1e5;

export const labels = (p: Place): { place: string; cercle: string; region: string } => ({
  place: p.place,
  cercle: p.cercle,
  region: p.region,
});
