import type { Command } from '../shared/domain-event';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { assertNotBefore, assertNotInFuture, toMillis } from '../shared/time';
import type { DeterrentPassFlown, FlightAborted, FlightCompleted, FlightOutcome } from './flight.events';
import type { FlightState } from './flight.state';

export type CompleteFlight = Command<
  'CompleteFlight',
  { flightId: string; completedAt: string; overTargetFrom?: string; overTargetTo?: string; outcome?: FlightOutcome }
>;

type Pass = { from: string; to: string };

/** A pass needs both ends: half a time over target cannot be placed on the deterrence curve. */
const passOf = ({ overTargetFrom: from, overTargetTo: to }: CompleteFlight['data']): Pass | undefined => {
  if (from === undefined && to === undefined) return undefined;
  if (from === undefined) throw invalid('overTargetFrom is required with overTargetTo', 'overTargetFrom');
  if (to === undefined) throw invalid('overTargetTo is required with overTargetFrom', 'overTargetTo');
  return { from, to };
};

const checkPass = (pass: Pass, dispatchedAt: string, completedAt: string): void => {
  assertNotBefore(pass.to, pass.from, 'overTargetTo', 'overTargetFrom');
  assertNotBefore(pass.from, dispatchedAt, 'overTargetFrom', 'the flight was dispatched');
  if (toMillis(pass.to) > toMillis(completedAt)) {
    throw invalid(`overTargetTo (${pass.to}) is after the flight completed (${completedAt})`, 'overTargetTo');
  }
};

export const completeFlight = (
  { data, context }: CompleteFlight,
  state: FlightState,
): (DeterrentPassFlown | FlightCompleted | FlightAborted)[] => {
  if (state.status === 'unknown') throw notFound(`flight ${data.flightId}`);
  if (state.status !== 'dispatched') throw conflict(`flight ${data.flightId} is already ${state.status}`);
  const { flightId, completedAt } = data;
  assertNotInFuture(completedAt, context.now, 'completedAt');
  if (toMillis(completedAt) < toMillis(state.dispatchedAt)) {
    const reason = `flight completed before dispatch: completedAt ${completedAt}, dispatchedAt ${state.dispatchedAt}`;
    throw invalid(reason, 'completedAt');
  }
  // Flight hours run from take-off: a landing before it would make them negative.
  if (toMillis(completedAt) < toMillis(state.takeOffAt)) {
    throw invalid(`flight completed before take-off: completedAt ${completedAt}, takeOffAt ${state.takeOffAt}`, 'completedAt');
  }
  const pass = passOf(data);
  if (pass) checkPass(pass, state.dispatchedAt, completedAt);
  // An aborted flight may still have been seen over the target; that presence counts.
  const flown: DeterrentPassFlown[] = pass
    ? [{ type: 'DeterrentPassFlown', occurredAt: pass.from, data: { flightId, ...pass, target: state.target } }]
    : [];
  if (data.outcome === 'aborted') {
    return [...flown, { type: 'FlightAborted', occurredAt: completedAt, data: { flightId, abortedAt: completedAt } }];
  }
  return [
    ...flown,
    {
      type: 'FlightCompleted',
      occurredAt: completedAt,
      data: {
        flightId,
        completedAt,
        ...(pass && { overTargetFrom: pass.from, overTargetTo: pass.to }),
        ...(data.outcome !== undefined && { outcome: data.outcome }),
      },
    },
  ];
};
