import type { AuditedEventType } from '@poc/domain';
import type { FindQuery } from '../read-model-store.port';
import { between, equal, shaped, type Page } from '../read-queries';

export type AuditFilter = Readonly<{
  /** `at` bounds, inclusive, as ISO times. */
  from?: string;
  to?: string;
  type?: AuditedEventType;
  alertId?: string;
}>;

/** Newest first; the global position breaks ties, so a page is stable. */
const NEWEST_FIRST = [
  { column: 'at', desc: true },
  { column: 'position', desc: true },
] as const;

export const auditQuery = (filter: AuditFilter, page: Page = {}): FindQuery =>
  shaped(
    [...between('at', filter.from, filter.to), ...equal('type', filter.type), ...equal('alert_id', filter.alertId)],
    NEWEST_FIRST,
    page,
  );
