import { ALERT_RECEIVED_SCHEMA } from './alerts/alert-received.upcasters';
import { FLIGHT_DISPATCHED_SCHEMA } from './flights/flight-dispatched.upcasters';
import { IED_DETECTED_SCHEMA } from './ieds/ied-detected.upcasters';
import type { StoredEvent } from './shared/envelope';
import { eventSchemas, type EventSchemas, type UpcasterRegistry } from './shared/upcasting';

/**
 * Every event type whose schema has changed since its first version, with its current
 * version and its upcasters. A type not listed here is still at version 1.
 * docs/schema-evolution.md says how to add a version.
 */
export const EVENT_UPCASTERS: UpcasterRegistry = {
  AlertReceived: ALERT_RECEIVED_SCHEMA,
  FlightDispatched: FLIGHT_DISPATCHED_SCHEMA,
  IedDetected: IED_DETECTED_SCHEMA,
};

/** The domain's schemas: what the store records for new events, and how it reads old ones. */
export const EVENT_SCHEMAS: EventSchemas = eventSchemas(EVENT_UPCASTERS);

/** Per type, the schema version deciders emit now (`AlertReceived`: 2). */
export const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = EVENT_SCHEMAS.currentVersions;

/** The version to record for a new event of `type` (1 for types never changed). */
export const currentSchemaVersion = (type: string): number => EVENT_SCHEMAS.currentVersion(type);

/** A stored event at its type's current version (see `EventSchemas.upcast`). */
export const upcast = (event: StoredEvent): StoredEvent => EVENT_SCHEMAS.upcast(event);
