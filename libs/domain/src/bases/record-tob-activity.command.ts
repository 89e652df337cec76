import type { Command } from '../shared/domain-event';
import { invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import type { TobActivityRecorded } from './base.events';
import type { BaseState } from './base.state';

export type RecordTobActivity = Command<'RecordTobActivity', TobActivityRecorded['data']>;

/**
 * An activity counts for the base that enabled it, so it cannot predate the base. It may
 * follow the closing: an investigation opened under the TOB's cover can end after it left.
 */
export const recordTobActivity = ({ data, context }: RecordTobActivity, state: BaseState): TobActivityRecorded[] => {
  if (state.status === 'unknown') throw notFound(`base ${data.baseId}`);
  assertNotInFuture(data.date, context.now, 'date');
  assertNotBefore(data.date, state.establishedAt, 'date', 'the base was established');
  if (data.cercle.trim() === '') throw invalid('cercle must name the cercle where the activity was held', 'cercle');
  return [
    {
      type: 'TobActivityRecorded',
      occurredAt: data.date,
      data: {
        baseId: data.baseId,
        kind: data.kind,
        date: data.date,
        cercle: data.cercle,
        ...(data.note !== undefined && { note: data.note }),
      },
    },
  ];
};
