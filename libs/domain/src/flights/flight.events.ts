import type { DomainEvent } from '../shared/domain-event';
import type { Area } from '../shared/location';

export const FLIGHT_OUTCOMES = ['dispersal-observed', 'nothing-observed', 'aborted'] as const;
export type FlightOutcome = (typeof FLIGHT_OUTCOMES)[number];

/** An aborted flight is recorded as FlightAborted, so a completion never carries 'aborted'. */
export type FlightCompletionOutcome = Exclude<FlightOutcome, 'aborted'>;

/**
 * What a flight was for, in the mission's order of priority when flight hours run short
 * (casualty and medical evacuation first, then rapid response / deterrence, then priority tasks).
 */
export const FLIGHT_PURPOSES = ['casualty-evacuation', 'rapid-response', 'priority-task', 'logistics', 'rotation'] as const;
export type FlightPurpose = (typeof FLIGHT_PURPOSES)[number];

/**
 * The purpose of a flight recorded without one: the flights API was made for the deterrent
 * flights answering alerts, so a dispatch that names no purpose is one of those (and every
 * FlightDispatched v1 reads so, see flight-dispatched.upcasters.ts).
 */
export const DEFAULT_FLIGHT_PURPOSE: FlightPurpose = 'rapid-response';

/** FlightDispatched v2: v1 plus `purpose` and `takeOffAt`, always present. */
export type FlightDispatchedData = Readonly<{
  flightId: string;
  dispatchedAt: string;
  target: Area;
  alertIds: readonly string[];
  aircraft?: string;
  unit?: string;
  purpose: FlightPurpose;
  /** When the aircraft left the ground: flight hours run from here to completion or abort. */
  takeOffAt: string;
}>;

export type FlightDispatched = DomainEvent<'FlightDispatched', FlightDispatchedData>;

/** Time over target: a presence episode for the deterrence read model (DOMAIN.md). */
export type DeterrentPassFlown = DomainEvent<
  'DeterrentPassFlown',
  Readonly<{ flightId: string; from: string; to: string; target: Area }>
>;

export type FlightCompleted = DomainEvent<
  'FlightCompleted',
  Readonly<{
    flightId: string;
    completedAt: string;
    overTargetFrom?: string;
    overTargetTo?: string;
    outcome?: FlightCompletionOutcome;
  }>
>;

export type FlightAborted = DomainEvent<'FlightAborted', Readonly<{ flightId: string; abortedAt: string }>>;

export type FlightEvent = FlightDispatched | DeterrentPassFlown | FlightCompleted | FlightAborted;
