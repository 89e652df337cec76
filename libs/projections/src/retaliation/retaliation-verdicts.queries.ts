import type { RetaliationVerdict } from '@poc/domain';
import type { FindQuery } from '../read-model-store.port';
import { equal, shaped, type Page } from '../read-queries';

export type RetaliationVerdictFilter = Readonly<{
  /** The assessed incident (the document's key). */
  incidentId?: string;
  /** The presence departure the verdict that stands attributes the incident to. */
  episodeId?: string;
  /** The verdict that stands. */
  verdict?: RetaliationVerdict;
}>;

/** Latest assessment first. */
export type RetaliationVerdictOrder = 'latest-assessed-first';

const ORDERS = { 'latest-assessed-first': [{ column: 'assessed_at', desc: true }] } as const;

export const retaliationVerdictsQuery = (filter: RetaliationVerdictFilter, options: Page & Readonly<{ order?: RetaliationVerdictOrder }> = {}): FindQuery =>
  shaped([...equal('key', filter.incidentId), ...equal('episode_id', filter.episodeId), ...equal('verdict', filter.verdict)], options.order && ORDERS[options.order], options);
