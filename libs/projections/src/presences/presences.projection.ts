import type {
  Area,
  BaseEvent,
  DeterrentPassFlown,
  FlightEvent,
  Location,
  OperatingBaseEstablished,
  PatrolCompleted,
  PatrolDeployed,
  PatrolEvent,
  PatrolStop,
  Stored,
  StoredEvent,
  TobActivityRecorded,
} from '@poc/domain';
import type { Episode } from './episode';
import type { Projection } from '../projection';

/**
 * Presence episodes (DOMAIN.md), one document per patrol, base or flight — key
 * `patrol-<id>`, `base-<id>`, `flight-<id>` — holding its episodes:
 * - a patrol stop: `patrol-<patrolId>-<i>` (i in time order), from arrival to departure;
 * - a patrol without stops: `patrol-<patrolId>-area`, its area's centre from deployment to
 *   completion (replaced by the stops if the completion reports some);
 * - a TOB: `base-<baseId>`, from established to closed (no departure while open);
 * - a deterrent flight's pass: `flight-<flightId>-<i>`, its time over target.
 *
 * Why a document per source and not per episode: the operation and unit come with the
 * deployment (dispatch) event only, while stops (passes) may come with a later event of the
 * same stream; a projection's evolve sees one document, so the episodes that event creates
 * can get them only from the document that holds them. The columns summarise the source
 * (first arrival, last departure) for the time-window probe; the engine decides by episode.
 */
export type PresenceView = Readonly<{
  source: 'patrol' | 'base' | 'flight';
  sourceId: string;
  status: 'under-way' | 'ended';
  operation?: string;
  unit?: string;
  episodes: readonly Episode[];
}>;

/** What this projection handles: every event that starts, extends or ends a presence. */
// A base's activities (TobActivityRecorded) change nothing of its presence.
type Handled = Stored<PatrolEvent | Exclude<BaseEvent, TobActivityRecorded> | FlightEvent>;

const at = (location: Location | Area) => ({
  point: { lat: location.lat, lon: location.lon },
  h3: location.h3,
  ...('cercle' in location && location.cercle !== undefined && { cercle: location.cercle }),
  ...('region' in location && location.region !== undefined && { region: location.region }),
});

const labels = (doc: Pick<PresenceView, 'operation' | 'unit'>) => ({
  ...(doc.operation !== undefined && { operation: doc.operation }),
  ...(doc.unit !== undefined && { unit: doc.unit }),
});

const stopEpisodes = (doc: PresenceView, stops: readonly PatrolStop[], first: number): Episode[] =>
  stops.map((s, i) => ({
    episodeId: `patrol-${doc.sourceId}-${first + i}`,
    kind: 'patrol-stop',
    sourceId: doc.sourceId,
    ...at(s.location),
    arrivedAt: s.arrivedAt,
    departedAt: s.departedAt,
    ...labels(doc),
  }));

const patrolDeployed = ({ patrolId, operation, unit, startedAt, area, stops }: PatrolDeployed['data']): PresenceView => {
  const doc: PresenceView = { source: 'patrol', sourceId: patrolId, status: 'under-way', operation, unit, episodes: [] };
  const centre: Episode = { episodeId: `patrol-${patrolId}-area`, kind: 'patrol-area', sourceId: patrolId, ...at(area), arrivedAt: startedAt, ...labels(doc) };
  return { ...doc, episodes: stops.length > 0 ? stopEpisodes(doc, stops, 0) : [centre] };
};

const patrolCompleted = (doc: PresenceView, { endedAt, stops }: PatrolCompleted['data']): PresenceView => {
  const stopsSoFar = doc.episodes.filter((e) => e.kind === 'patrol-stop');
  if (stops.length > 0) return { ...doc, status: 'ended', episodes: [...stopsSoFar, ...stopEpisodes(doc, stops, stopsSoFar.length)] };
  const episodes = doc.episodes.map((e) => (e.kind === 'patrol-area' ? { ...e, departedAt: endedAt } : e));
  return { ...doc, status: 'ended', episodes };
};


const baseEstablished = ({ baseId, establishedAt, location, triggerIncidentId }: OperatingBaseEstablished['data']): PresenceView => ({
  source: 'base',
  sourceId: baseId,
  status: 'under-way',
  episodes: [
    { episodeId: `base-${baseId}`, kind: 'base', sourceId: baseId, ...at(location), arrivedAt: establishedAt, ...(triggerIncidentId !== undefined && { triggerIncidentId }) },
  ],
});

const passFlown = (doc: PresenceView, { from, to, target }: DeterrentPassFlown['data']): PresenceView => {
  const pass: Episode = { episodeId: `flight-${doc.sourceId}-${doc.episodes.length}`, kind: 'flight-pass', sourceId: doc.sourceId, ...at(target), arrivedAt: from, departedAt: to, ...labels(doc) };
  return { ...doc, episodes: [...doc.episodes, pass] };
};

const evolve = (doc: PresenceView | undefined, stored: StoredEvent): PresenceView | undefined => {
  // The runner passes only the types in `handles`.
  const event = stored as Handled;
  switch (event.type) {
    case 'PatrolDeployed':
      return patrolDeployed(event.data);
    case 'PatrolCompleted':
      return doc && patrolCompleted(doc, event.data);
    case 'OperatingBaseEstablished':
      return baseEstablished(event.data);
    case 'OperatingBaseClosed': {
      const { closedAt } = event.data;
      return doc && { ...doc, status: 'ended', episodes: doc.episodes.map((e) => ({ ...e, departedAt: closedAt })) };
    }
    case 'FlightDispatched':
      return { source: 'flight', sourceId: event.data.flightId, status: 'under-way', ...labels({ unit: event.data.unit }), episodes: [] };
    case 'DeterrentPassFlown':
      return doc && passFlown(doc, event.data);
    case 'FlightCompleted':
    case 'FlightAborted':
      return doc && { ...doc, status: 'ended' };
    default:
      return doc;
  }
};

const SOURCE_OF: Readonly<Record<Handled['type'], { source: PresenceView['source']; idField: string }>> = {
  PatrolDeployed: { source: 'patrol', idField: 'patrolId' },
  PatrolCompleted: { source: 'patrol', idField: 'patrolId' },
  OperatingBaseEstablished: { source: 'base', idField: 'baseId' },
  OperatingBaseClosed: { source: 'base', idField: 'baseId' },
  FlightDispatched: { source: 'flight', idField: 'flightId' },
  DeterrentPassFlown: { source: 'flight', idField: 'flightId' },
  FlightCompleted: { source: 'flight', idField: 'flightId' },
  FlightAborted: { source: 'flight', idField: 'flightId' },
};

export const presenceKey = (source: PresenceView['source'], sourceId: string): string => `${source}-${sourceId}`;

const min = (values: readonly string[]) => (values.length === 0 ? null : values.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a)));
const max = (values: readonly string[]) => (values.length === 0 ? null : values.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)));

export const presencesProjection: Projection<PresenceView> = {
  name: 'presences',
  version: 1,
  collection: {
    name: 'presences',
    columns: { source: 'text', status: 'text', operation: 'text', unit: 'text', cercle: 'text', arrival: 'text', departure: 'text', h3: 'text', episodes: 'integer' },
    // (departure, arrival): GET /deterrence asks for the presences still there after a day that
    // had arrived before another; with arrival in the index that is read from it alone, not by
    // looking up every later presence (half the archive for a 2015 query: 2.8 → 0.4 ms).
    // An index only: created at start on an existing table, no rebuild needed.
    indexes: [['operation', 'arrival'], ['arrival'], ['departure', 'arrival'], ['h3'], ['source', 'arrival']],
  },
  handles: Object.keys(SOURCE_OF),
  keysOf: (event) => {
    const { source, idField } = SOURCE_OF[event.type as Handled['type']];
    return [presenceKey(source, (event.data as Record<string, string>)[idField])];
  },
  evolve: (doc, event) => evolve(doc, event),
  columnsOf: (view) => {
    const open = view.episodes.some((e) => e.departedAt === undefined);
    return {
      source: view.source,
      status: view.status,
      operation: view.operation ?? null,
      unit: view.unit ?? null,
      cercle: view.episodes.find((e) => e.cercle !== undefined)?.cercle ?? null,
      /** First arrival; last departure (null while any episode is under way). */
      arrival: min(view.episodes.map((e) => e.arrivedAt)),
      departure: open ? null : max(view.episodes.map((e) => e.departedAt!)),
      h3: view.episodes[0]?.h3 ?? null,
      episodes: view.episodes.length,
    };
  },
};
