import type { TobActivityKind } from '@poc/domain';
import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped } from '../read-queries';

export type TobActivityFilter = Readonly<{
  /** The activity's date, inclusive bounds, as ISO times. */
  from?: string;
  to?: string;
  kind?: TobActivityKind;
  cercle?: string;
  baseId?: string;
}>;

/** Every activity of the filter, oldest first: a period has tens, not thousands. */
export const tobActivitiesQuery = (filter: TobActivityFilter): FindQuery =>
  shaped(
    [...between('date', filter.from, filter.to), ...equal('kind', filter.kind), ...equal('cercle', filter.cercle), ...equal('base_id', filter.baseId)],
    [{ column: 'date' }, { column: 'key' }],
  );
