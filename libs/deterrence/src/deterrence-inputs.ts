import {
  DETERRENCE_INCIDENT_COLUMNS,
  incidentAwaitingParentCell,
  incidentsInCells,
  incidentsInParentCells,
  incidentsProjection,
  presencesProjection,
  presencesQuery,
  presencesStillThereQueries,
  regionPreciseIncidents,
  retaliationVerdictsProjection,
  verdictsByIncident,
  withKeys,
  type ColumnValue,
  type DayRange,
  type Episode,
  type FindQuery,
  type PresenceSelection,
  type PresenceView,
  type Projection,
  type RetaliationVerdictView,
} from '@poc/projections';
import { coverCells, coverHas, type CellCover } from './cell-cover';
import { dayNumber, dayString } from './days';
import { matchesFilter, timedEpisodes, type EpisodeFilter } from './episodes';
import { fetchPlan } from './fetch-plan';
import { cellOfRow, fromColumns, keyOfRow, type EngineIncident } from './lean-incident';
import type { ReadModelReader } from './read-model-reader';
import { SelectionTooLarge } from './selection-too-large';

export type EngineInputs = Readonly<{ episodes: Episode[]; incidents: EngineIncident[]; retaliationVerdicts: ReturnType<typeof verdictsByIncident> }>;

/**
 * One request computes on at most this many incidents. The embedded server answers writes on
 * the same thread: an unbounded pool (every patrol of a 20-year, million-incident archive)
 * held it for minutes, then the process died (tests/perf/deterrence.bench.ts). 100,000 is
 * a few seconds of work; such a request is refused (SelectionTooLarge) before the engine runs.
 */
export const MAX_INCIDENTS_PER_REQUEST = 100_000;
/** And on at most this many focal episodes: each adds its 25 km disk (1,141 cells, ~35 parent cells) to the fetch plan. */
export const MAX_EPISODES_PER_REQUEST = 3_000;

/** Arrived by the end of `day`: before the day after it (an exact bound for any ISO time on `day`). */
const arrivedBy = (day: string): string => dayString(dayNumber(day.slice(0, 10)) + 1);

type Row = ColumnValue[];
type Fetch<T> = (query: FindQuery) => Promise<T[]>;

/**
 * SQLite binds at most 32,766 values in a statement, PostgreSQL 65,535; a pooled query over
 * many episodes names tens of thousands of H3 cells (a 25 km disk is 1,141 of them), so long
 * IN lists are sent in chunks, each still an index probe.
 */
const CHUNK = 2000;
const chunked = <T>(values: readonly T[]): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) chunks.push(values.slice(i, i + CHUNK));
  return chunks;
};

/**
 * Fetches what the pure engine needs, through indexes only: the focal presences, every
 * presence overlapping their windows (they censor and take incidents), and the incidents in
 * the H3 cells and days the fetch plan names. No scan of all episodes × all incidents.
 */
export class DeterrenceInputs {
  /** The limits above; a test lowers them. */
  maxIncidents = MAX_INCIDENTS_PER_REQUEST;
  maxEpisodes = MAX_EPISODES_PER_REQUEST;

  constructor(private readonly readModels: ReadModelReader) {}

  /**
   * The presences holding an episode the filter selects. The probe is a superset — an
   * episode whose reference day (departure, or arrival while under way) lies in from..to
   * belongs to a presence that arrived by `to` and whose last departure is on or after `from`
   * or not yet known — and the engine's own filter (matchesFilter, as of `asOf`) then keeps
   * only presences with a selected episode, so the fetch plan covers the selection, not the
   * archive. (The cercle column holds the first episode's only: it is checked here, not probed.)
   */
  async focal(filter: EpisodeFilter, asOf: string): Promise<PresenceView[]> {
    const selection: PresenceSelection = {
      ...(filter.operation && { operation: filter.operation }),
      ...(filter.to && { arrivedBefore: arrivedBy(filter.to) }),
    };
    const candidates = filter.from ? await this.overlapping(selection, filter.from.slice(0, 10)) : await this.readModels.find(presencesProjection, presencesQuery(selection));
    return candidates.filter((p) => timedEpisodes(p.episodes, asOf).some((t) => matchesFilter(t, filter)));
  }

  async forPresences(focal: readonly PresenceView[], options: { radiusKm: number; asOf: string }): Promise<EngineInputs> {
    const focalEpisodes = focal.flatMap((p) => p.episodes);
    if (focalEpisodes.length === 0) return { episodes: [], incidents: [], retaliationVerdicts: verdictsByIncident([]) };
    if (focalEpisodes.length > this.maxEpisodes) throw new SelectionTooLarge('presence episodes', this.maxEpisodes);
    const plan = fetchPlan(focalEpisodes, options);
    const overlapping = await this.overlapping({ arrivedBefore: arrivedBy(plan.presenceDays.to) }, plan.presenceDays.from);
    const episodes = overlapping
      .filter((p) => p.status === 'under-way' || p.episodes.some((e) => !e.departedAt || e.departedAt.slice(0, 10) >= plan.presenceDays.from))
      .flatMap((p) => p.episodes);
    const days = plan.incidentDays;
    const [near, coarse] = await Promise.all([
      this.findCovered(plan.cover, days),
      plan.cercles.length === 0
        ? Promise.resolve([])
        : // Through (geo_precision, cercle, occurred_day): the region-only incidents alone (any status).
          this.readModels.find(incidentsProjection, regionPreciseIncidents(plan.cercles, days)),
    ]);
    const incidents = [...new Map([...near, ...coarse].map((i) => [i.incidentId, i])).values()];
    // Verdicts are read only for retaliation candidates, which target civilians as known at
    // asOf: the incidents doing so in some version (about half; each id is an index seek).
    const targeting = incidents.filter((i) => i.targetsCivilians || i.superseded?.some((s) => s.view.targetsCivilians));
    const verdicts: RetaliationVerdictView[] = await this.findIn(this.docs(retaliationVerdictsProjection), withKeys, targeting.map((i) => i.incidentId));
    return { episodes, incidents, retaliationVerdicts: verdictsByIncident(verdicts) };
  }

  /**
   * Presences of the selection that were still there on or after `fromDay`: the last
   * departure on or after it, or none yet (two probes of the departure index, instead of
   * every presence that arrived before the window's end — most of the archive). A flight
   * still marked under way whose passes all ended before `fromDay` is left out: nothing of
   * it reaches into the window.
   */
  private async overlapping(selection: PresenceSelection, fromDay: string): Promise<PresenceView[]> {
    const [endedQuery, openQuery] = presencesStillThereQueries(selection, fromDay);
    const [ended, open] = await Promise.all([this.readModels.find(presencesProjection, endedQuery), this.readModels.find(presencesProjection, openQuery)]);
    return [...ended, ...open];
  }

  /**
   * The incidents in the cover's cells and the days: a seek on (h3_5, occurred_day) per parent
   * cell instead of one per resolution-7 cell (20–40× more). A partly covered parent is read
   * whole and its incidents outside the listed cells dropped here: cheaper than naming
   * thousands of cells in the statement (an operation: 6 ms against 9–14). The same incidents
   * as probing every cell, which a read model built before the h3_5 column (version 2, until
   * `rebuild --outdated`) still gets. Read as columns from that index alone (it holds them):
   * a document only for an incident with history or a row older than the columns.
   */
  private async findCovered(cover: CellCover, days: DayRange): Promise<EngineIncident[]> {
    const inCells = (cells: readonly string[]) => incidentsInCells(cells, days);
    const inParents = (parents: readonly string[]) => incidentsInParentCells(parents, days);
    if (!(await this.coarseColumnFilled())) return this.findIn(this.docs(incidentsProjection), inCells, coverCells(cover), this.maxIncidents);
    const whole = await this.findIn(this.incidentColumns, inParents, cover.parents, this.maxIncidents);
    const keep = (row: Row) => coverHas(cover, cellOfRow(row));
    // The bound counts what is kept, as when every cell was probed: the same requests are refused.
    const partly = await this.findIn(this.incidentColumns, inParents, [...cover.partial.keys()].sort(), this.maxIncidents - whole.length, keep);
    const lean: EngineIncident[] = [];
    const withDocument: string[] = [];
    for (const row of [...whole, ...partly]) {
      const incident = fromColumns(row);
      if (incident) lean.push(incident);
      else withDocument.push(keyOfRow(row));
    }
    return [...lean, ...(await this.findIn(this.docs(incidentsProjection), withKeys, withDocument))];
  }

  /** Whether every incident has its h3_5 (an index seek for a NULL one): not while a version-2 read model awaits its rebuild. */
  private async coarseColumnFilled(): Promise<boolean> {
    const unfilled = await this.readModels.find(incidentsProjection, incidentAwaitingParentCell);
    return unfilled.length === 0;
  }

  /** The query of each chunk of `values`, one after the other, keeping what `keep` keeps; refused once more than `max` are kept. */
  private async findIn<T>(fetch: Fetch<T>, queryOf: (chunk: readonly string[]) => FindQuery, values: readonly string[], max = Infinity, keep?: (found: T) => boolean): Promise<T[]> {
    const found: T[] = [];
    for (const chunk of chunked(values)) {
      const rows = await fetch(queryOf(chunk));
      found.push(...(keep ? rows.filter(keep) : rows));
      if (found.length > max) throw new SelectionTooLarge('incidents', max);
    }
    return found;
  }

  /** Documents of a read model. */
  private docs<Doc>(projection: Projection<Doc>): Fetch<Doc> {
    return (query) => this.readModels.find(projection, query);
  }

  /** The incidents' columns the engine reads, from the (h3_5, occurred_day) index that holds them. */
  private readonly incidentColumns: Fetch<Row> = (query) => this.readModels.findRows(incidentsProjection, DETERRENCE_INCIDENT_COLUMNS, query);
}
