import type { Command } from '../shared/domain-event';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../shared/time';
import { assertStopsWithin, toPatrolStops, type StopInput } from './patrol-stops';
import type { PatrolCompleted } from './patrol.events';
import type { PatrolState } from './patrol.state';

export type CompletePatrol = Command<
  'CompletePatrol',
  { patrolId: string; endedAt: string; stops?: readonly StopInput[] }
>;

export const completePatrol = ({ data, context }: CompletePatrol, state: PatrolState): PatrolCompleted[] => {
  if (state.status === 'unknown') throw notFound(`patrol ${data.patrolId}`);
  if (state.status === 'completed') throw conflict(`patrol ${data.patrolId} is already completed`);
  const { patrolId, endedAt } = data;
  assertNotInFuture(endedAt, context.now, 'endedAt');
  assertNotBefore(endedAt, state.startedAt, 'endedAt', 'the patrol started');
  const given = data.stops ?? [];
  // One list of stops per patrol: merging two would hide which report was right.
  if (given.length > 0 && state.stops.length > 0) throw invalid('stops were already given at deployment', 'stops');
  const window = { startedAt: state.startedAt, endedAt };
  assertStopsWithin(state.stops, window);
  const stops = toPatrolStops(given, context.now, window);
  return [{ type: 'PatrolCompleted', occurredAt: endedAt, data: { patrolId, endedAt, stops } }];
};
