import type { Condition, FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';
import type { AlertView } from './alerts.projection';

export type AlertFilter = Readonly<{
  /** One status; absent: every received alert (a document only a response has reached has none). */
  status?: NonNullable<AlertView['status']>;
  /** receivedAt bounds, inclusive, as ISO times. */
  receivedFrom?: string;
  receivedTo?: string;
  cercle?: string;
  /** The triage's priority. */
  priority?: string;
}>;

/** Latest received first. */
export type AlertOrder = 'latest-received-first';

const ORDERS = { 'latest-received-first': [{ column: 'received_at', desc: true }] } as const;

export const alertsQuery = (filter: AlertFilter, options: Page & Readonly<{ order?: AlertOrder }> = {}): FindQuery => {
  const where: Condition[] = [
    filter.status ? { column: 'status', op: '=', value: filter.status } : { column: 'status', op: 'not-null', value: null },
    ...between('received_at', filter.receivedFrom, filter.receivedTo),
    ...equal('cercle', filter.cercle),
    ...equal('priority', filter.priority),
  ];
  return shaped(where, options.order && ORDERS[options.order], options);
};

/**
 * The alerts received within from..to (inclusive; absent bounds do not narrow), whatever
 * their status: those with a receipt time, which a document only a response has reached lacks.
 */
export const alertsReceivedQuery = (range: Readonly<{ from?: string; to?: string }>): FindQuery => ({
  where: [{ column: 'received_at', op: 'not-null' }, ...between('received_at', range.from, range.to)],
});

/** The alerts linked to any of these incidents (AlertLinkedToIncident); an empty list finds none. */
export const alertsLinkedToIncidentsQuery = (incidentIds: readonly string[]): FindQuery => ({
  where: [{ column: 'linked_incident', op: 'in', value: incidentIds }],
});
