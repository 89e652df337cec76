import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type PatrolFilter = Readonly<{
  operation?: string;
  status?: string;
  /** startedAt bounds, inclusive, as ISO times. */
  startedFrom?: string;
  startedTo?: string;
}>;

/** By startedAt. */
export type PatrolOrder = 'started';

const ORDERS = { started: [{ column: 'started_at' }] } as const;

export const patrolsQuery = (filter: PatrolFilter, options: Page & Readonly<{ order?: PatrolOrder }> = {}): FindQuery =>
  shaped(
    [...equal('operation', filter.operation), ...equal('status', filter.status), ...between('started_at', filter.startedFrom, filter.startedTo)],
    options.order && ORDERS[options.order],
    options,
  );
