import type { Condition, FindQuery } from '../read-model-store.port';
import { equal, given } from '../read-queries';

export type PresenceSelection = Readonly<{
  operation?: string;
  /**
   * Arrived before this (exclusive): a day string is an exact bound for "arrived by the day
   * before", since it sorts before every ISO time on its own day.
   */
  arrivedBefore?: string;
}>;

const matching = (filter: PresenceSelection): Condition[] => [
  ...equal('operation', filter.operation),
  ...(given(filter.arrivedBefore) ? [{ column: 'arrival', op: '<', value: filter.arrivedBefore } as const] : []),
];

export const presencesQuery = (filter: PresenceSelection): FindQuery => ({ where: matching(filter) });

/**
 * The presences of the filter still there on or after `fromDay`, as two queries, each a probe
 * of the departure index: those whose last departure is on or after it, and those with none yet.
 */
export const presencesStillThereQueries = (filter: PresenceSelection, fromDay: string): readonly [FindQuery, FindQuery] => [
  { where: [...matching(filter), { column: 'departure', op: '>=', value: fromDay }] },
  { where: [...matching(filter), { column: 'departure', op: 'is-null' }] },
];
