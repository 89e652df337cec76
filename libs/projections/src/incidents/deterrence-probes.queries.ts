import type { Condition, FindQuery } from '../read-model-store.port';

// What GET /deterrence reads of the incidents read model (libs/deterrence's DeterrenceInputs),
// through the indexes incidentsProjection declares for it. Any status: the engine reads the
// status and the history itself. Long lists are the caller's to chunk under the bind limits.

/** UTC days, both inclusive (YYYY-MM-DD). */
export type DayRange = Readonly<{ from: string; to: string }>;

const onDays = (days: DayRange): Condition[] => [
  { column: 'occurred_day', op: '>=', value: days.from },
  { column: 'occurred_day', op: '<=', value: days.to },
];

/** The incidents in these resolution-5 parent cells on these days: a seek on (h3_5, occurred_day) each, an index holding every DETERRENCE_INCIDENT_COLUMNS. */
export const incidentsInParentCells = (parents: readonly string[], days: DayRange): FindQuery => ({ where: [{ column: 'h3_5', op: 'in', value: parents }, ...onDays(days)] });

/** The incidents in these resolution-7 cells on these days: for a read model whose h3_5 is not filled yet. */
export const incidentsInCells = (cells: readonly string[], days: DayRange): FindQuery => ({ where: [{ column: 'h3', op: 'in', value: cells }, ...onDays(days)] });

/** Geo precision of an incident located to its region only. */
const REGION_PRECISION = 3;

/** The region-precise incidents of these cercles on these days, through (geo_precision, cercle, occurred_day). */
export const regionPreciseIncidents = (cercles: readonly string[], days: DayRange): FindQuery => ({
  where: [{ column: 'geo_precision', op: '=', value: REGION_PRECISION }, { column: 'cercle', op: 'in', value: cercles }, ...onDays(days)],
});

/** One incident with a cell but no h3_5, if any (an index seek): a version-2 read model awaiting its rebuild. */
export const incidentAwaitingParentCell: FindQuery = { where: [{ column: 'h3_5', op: 'is-null' }, { column: 'h3', op: 'not-null' }], limit: 1 };
