import type { EvaluationRating, UnitKind } from '@poc/domain';
import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type EvaluationFilter = Readonly<{
  unitId?: string;
  unitKind?: UnitKind;
  rating?: EvaluationRating;
  /** evaluatedAt bounds, inclusive, as ISO times. */
  evaluatedFrom?: string;
  evaluatedTo?: string;
  /** 'none' for evaluations without a plan. */
  planStatus?: 'none' | 'open' | 'closed';
}>;

/** By evaluatedAt (then key, so a page is stable when two share a time). */
export type EvaluationOrder = 'evaluated';

const ORDERS = { evaluated: [{ column: 'evaluated_at' }, { column: 'key' }] } as const;

export const evaluationsQuery = (filter: EvaluationFilter, options: Page & Readonly<{ order?: EvaluationOrder }> = {}): FindQuery =>
  shaped(
    [
      ...equal('unit_id', filter.unitId),
      ...equal('unit_kind', filter.unitKind),
      ...equal('rating', filter.rating),
      ...between('evaluated_at', filter.evaluatedFrom, filter.evaluatedTo),
      ...equal('plan_status', filter.planStatus),
    ],
    options.order && ORDERS[options.order],
    options,
  );
