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

export type BaseEvent = OperatingBaseEstablished | OperatingBaseClosed;
