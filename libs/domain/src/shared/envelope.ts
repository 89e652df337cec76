import type { DomainEvent } from './domain-event';

/** Roles of API.md; an event's metadata names the one that caused it. */
export const ROLES = ['operator', 'ops', 'analyst', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

export type EventMetadata = Readonly<{
  actor: string;
  role: Role;
  correlationId: string;
  causationId?: string;
  idempotencyKey?: string;
}>;

/**
 * An event as the store holds it. `position` is the global order across all streams;
 * `streamVersion` counts from 1 within its stream.
 */
export type StoredEvent<Type extends string = string, Data = unknown> = Readonly<{
  id: string;
  type: Type;
  schemaVersion: number;
  streamId: string;
  streamVersion: number;
  position: number;
  /** When it happened in the world, as reported. */
  occurredAt: string;
  /** When the store durably took it. */
  recordedAt: string;
  data: Data;
  metadata: EventMetadata;
}>;

/**
 * A domain event as the store hands it back, keeping its type and data: `Stored<AlertEvent>`
 * is a union a `switch (event.type)` narrows, so a projection reads `event.data` typed.
 */
export type Stored<E extends DomainEvent> = E extends DomainEvent<infer Type, infer Data> ? StoredEvent<Type, Data> : never;

/** A stream id is `<category>-<id>`; the category names the aggregate. */
export const streamCategory = (streamId: string): string => streamId.slice(0, streamId.indexOf('-'));
