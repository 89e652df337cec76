import type { DomainEvent } from '../shared/domain-event';
import type { Area, Location } from '../shared/location';

/** Suggestions only: units name their patrols in their own terms, so `kind` stays a free string. */
export const PATROL_KINDS = ['long-range', 'mixed', 'foot', 'mounted'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];

/** A halt of the patrol: a presence episode for the deterrence read model (DOMAIN.md). */
export type PatrolStop = Readonly<{ location: Location; arrivedAt: string; departedAt: string; overnight: boolean }>;

export type PatrolDeployed = DomainEvent<
  'PatrolDeployed',
  Readonly<{
    patrolId: string;
    operation: string;
    unit: string;
    kind?: string;
    startedAt: string;
    area: Area;
    stops: readonly PatrolStop[];
    /** Alerts this patrol answers: the mandate's response rate counts them. */
    alertIds: readonly string[];
  }>
>;

export type PatrolCompleted = DomainEvent<
  'PatrolCompleted',
  Readonly<{ patrolId: string; endedAt: string; stops: readonly PatrolStop[] }>
>;

export type PatrolEvent = PatrolDeployed | PatrolCompleted;
