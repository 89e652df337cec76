import type { DomainEvent } from '../shared/domain-event';
import type { Location } from '../shared/location';

/** A temporary operating base: a presence episode from establishment to closure. */
export type OperatingBaseEstablished = DomainEvent<
  'OperatingBaseEstablished',
  Readonly<{
    baseId: string;
    establishedAt: string;
    location: Location;
    /** The attack that prompted it: left out of the base's deterrence baseline. */
    triggerIncidentId?: string;
    name?: string;
  }>
>;

export type OperatingBaseClosed = DomainEvent<'OperatingBaseClosed', Readonly<{ baseId: string; closedAt: string }>>;

/** What a TOB's presence made possible, as the letter counts it. */
export const TOB_ACTIVITY_KINDS = ['mediation-mission', 'humanitarian-access', 'human-rights-investigation'] as const;
export type TobActivityKind = (typeof TOB_ACTIVITY_KINDS)[number];

/**
 * One activity the base enabled ("four mediation missions in Koro cercle" is four of these).
 * `cercle` is where it was held, which need not be the base's own. Its id in the read models
 * is `<baseId>:<stream version>`, the event's place in the base's stream.
 */
export type TobActivityRecorded = DomainEvent<
  'TobActivityRecorded',
  Readonly<{ baseId: string; kind: TobActivityKind; date: string; cercle: string; note?: string }>
>;

export type BaseEvent = OperatingBaseEstablished | OperatingBaseClosed | TobActivityRecorded;
