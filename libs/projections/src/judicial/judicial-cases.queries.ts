import type { FindQuery } from '../read-model-store.port';
import { between, shaped } from '../read-queries';

export type JudicialCaseFilter = Readonly<{
  /** openedAt bounds, inclusive, as ISO times. */
  openedFrom?: string;
  openedTo?: string;
  /** recordedAt upper bound: only the cases the store knew of by then. */
  recordedBy?: string;
}>;

/** The cases a summary needs, in opening order. */
export const judicialCasesQuery = (filter: JudicialCaseFilter): FindQuery =>
  shaped([...between('opened_at', filter.openedFrom, filter.openedTo), ...between('recorded_at', undefined, filter.recordedBy)], [{ column: 'opened_at' }, { column: 'key' }]);
