import type { Command } from '../shared/domain-event';
import { decideOutcome } from './ied-outcome';
import type { IedDetonated } from './ied.events';
import type { IedState } from './ied.state';

export type RecordIedDetonation = Command<'RecordIedDetonation', { iedId: string; at: string; casualties?: number }>;

export const recordIedDetonation = ({ data, context }: RecordIedDetonation, state: IedState): IedDetonated[] => {
  const outcome = decideOutcome(data, context.now, state);
  return [{ type: 'IedDetonated', occurredAt: outcome.at, data: outcome }];
};
