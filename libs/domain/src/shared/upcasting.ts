import type { StoredEvent } from './envelope';

/**
 * Schema evolution (docs/schema-evolution.md). Stored events never change: an event type
 * whose data changes shape gets a new schema version, and a pure function from the old
 * shape to the new one. Everything that reads events reads them through `upcast`, so code
 * only ever sees the current version of each type.
 */

/**
 * One step of an event type's history: its data at version N → its data at version N + 1.
 * Pure and total: no clock, no I/O, never mutates its input, defined for every valid vN.
 * (`never` as the parameter lets a step declare its own input type: `(v1: V1Data) => V2Data`.)
 */
export type Upcaster = (data: never) => unknown;

export type EventSchema = Readonly<{
  /** The version deciders emit now: what every reader gets. */
  currentVersion: number;
  /** `upcasters[i]` turns version i + 1 into version i + 2: exactly `currentVersion - 1` of them. */
  upcasters: readonly Upcaster[];
}>;

/** Per event type, its current version and the chain that leads there. Types not listed are at version 1. */
export type UpcasterRegistry = Readonly<Record<string, EventSchema>>;

/** An event type's schema from its chain of upcasters, oldest first: no steps, version 1. */
export const eventSchema = (...upcasters: Upcaster[]): EventSchema => ({ currentVersion: upcasters.length + 1, upcasters });

/** A stored event whose version this code cannot read: older than 1, or newer than its current version. */
export class UnsupportedSchemaVersion extends Error {
  constructor(
    readonly eventType: string,
    readonly schemaVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${eventType} schema version ${String(schemaVersion)} is not readable here: versions 1 to ${currentVersion} are ` +
        '(a newer version was written by newer code: deploy it everywhere that reads events)',
    );
    this.name = 'UnsupportedSchemaVersion';
  }
}

/** What the store and the readers need of a registry. */
export type EventSchemas = Readonly<{
  /** Per registered type, the version deciders emit now. */
  currentVersions: Readonly<Record<string, number>>;
  /** The version to record for a new event of this type (1 when the type is not registered). */
  currentVersion: (type: string) => number;
  /** Throws `UnsupportedSchemaVersion` unless an event of this type at this version can be read. */
  assertReadable: (type: string, schemaVersion: number) => void;
  /**
   * The event at its type's current version: `schemaVersion` updated, `data` carried through
   * every step from its stored version. Already current, or of a type not registered: the
   * same object, unchanged. Never mutates its argument.
   */
  upcast: (event: StoredEvent) => StoredEvent;
}>;

const schemaOf = (registry: UpcasterRegistry, type: string): EventSchema | undefined =>
  Object.hasOwn(registry, type) ? registry[type] : undefined;

/** Checks the registry once (a chain of the wrong length is a bug) and binds its functions. */
export const eventSchemas = (registry: UpcasterRegistry): EventSchemas => {
  for (const [type, schema] of Object.entries(registry)) {
    if (!Number.isSafeInteger(schema.currentVersion) || schema.currentVersion < 1 || schema.upcasters.length !== schema.currentVersion - 1) {
      throw new RangeError(`${type}: current version ${schema.currentVersion} needs ${schema.currentVersion - 1} upcasters, got ${schema.upcasters.length}`);
    }
  }
  const currentVersions = Object.freeze(Object.fromEntries(Object.entries(registry).map(([type, s]) => [type, s.currentVersion])));
  const assertReadable = (type: string, schemaVersion: number): void => {
    const schema = schemaOf(registry, type);
    if (!schema) return;
    if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > schema.currentVersion) {
      throw new UnsupportedSchemaVersion(type, schemaVersion, schema.currentVersion);
    }
  };
  return {
    currentVersions,
    currentVersion: (type) => schemaOf(registry, type)?.currentVersion ?? 1,
    assertReadable,
    upcast: (event) => {
      const schema = schemaOf(registry, event.type);
      if (!schema || event.schemaVersion === schema.currentVersion) return event;
      assertReadable(event.type, event.schemaVersion);
      let data = event.data;
      for (let version = event.schemaVersion; version < schema.currentVersion; version++) {
        data = (schema.upcasters[version - 1] as (data: unknown) => unknown)(data);
      }
      return { ...event, schemaVersion: schema.currentVersion, data };
    },
  };
};
