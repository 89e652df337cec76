import type { CaveatKind } from '@poc/domain';
import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type CaveatFilter = Readonly<{
  /** raisedAt bounds, inclusive, as ISO times. */
  raisedFrom?: string;
  raisedTo?: string;
  declared?: boolean;
  contingent?: string;
  kind?: CaveatKind;
  status?: 'open' | 'settled';
}>;

/** By raisedAt (then key, so a page is stable when two share a time). */
export type CaveatOrder = 'raised';

const ORDERS = { raised: [{ column: 'raised_at' }, { column: 'key' }] } as const;

export const caveatsQuery = (filter: CaveatFilter, options: Page & Readonly<{ order?: CaveatOrder }> = {}): FindQuery =>
  shaped(
    [
      ...between('raised_at', filter.raisedFrom, filter.raisedTo),
      ...equal('declared', filter.declared === undefined ? undefined : filter.declared ? 1 : 0),
      ...equal('contingent', filter.contingent),
      ...equal('kind', filter.kind),
      ...equal('status', filter.status),
    ],
    options.order && ORDERS[options.order],
    options,
  );
