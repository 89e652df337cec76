/** DOMAIN.md's presence episodes: a point, an arrival and (once it is over) a departure. */
export type EpisodeKind = 'patrol-stop' | 'patrol-area' | 'base' | 'flight-pass';

export type Episode = Readonly<{
  /** `patrol-<patrolId>-<i>`, `patrol-<patrolId>-area`, `base-<baseId>`, `flight-<flightId>-<i>`. */
  episodeId: string;
  kind: EpisodeKind;
  /** The patrol, base or flight it belongs to. */
  sourceId: string;
  point: Readonly<{ lat: number; lon: number }>;
  h3?: string;
  arrivedAt: string;
  /** Absent while the presence is under way (an open base, a patrol still out). */
  departedAt?: string;
  operation?: string;
  unit?: string;
  cercle?: string;
  region?: string;
  /** The incident that prompted it (a TOB's trigger attack): left out of every baseline. */
  triggerIncidentId?: string;
}>;
