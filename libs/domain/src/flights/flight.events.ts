import type { DomainEvent } from '../shared/domain-event';
import type { Area } from '../shared/location';

export const FLIGHT_OUTCOMES = ['dispersal-observed', 'nothing-observed', 'aborted'] as const;
export type FlightOutcome = (typeof FLIGHT_OUTCOMES)[number];

/** An aborted flight is recorded as FlightAborted, so a completion never carries 'aborted'. */
export type FlightCompletionOutcome = Exclude<FlightOutcome, 'aborted'>;

export type FlightDispatched = DomainEvent<
  'FlightDispatched',
  Readonly<{
    flightId: string;
    dispatchedAt: string;
    target: Area;
    alertIds: readonly string[];
    aircraft?: string;
    unit?: string;
  }>
>;

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
