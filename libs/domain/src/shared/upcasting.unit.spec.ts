import type { StoredEvent } from './envelope';
import { eventSchema, eventSchemas, UnsupportedSchemaVersion } from './upcasting';

/** A stored envelope around `data`, as a store would return it. */
const stored = (type: string, schemaVersion: number, data: unknown): StoredEvent => ({
  id: 'e-1',
  type,
  schemaVersion,
  streamId: 'thing-1',
  streamVersion: 1,
  position: 7,
  occurredAt: '2020-03-01T06:00:00.000Z',
  recordedAt: '2020-03-01T06:01:00.000Z',
  data,
  metadata: { actor: 'tester', role: 'ops', correlationId: 'c-1' },
});

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

// A three-version history: v1 { name } → v2 { firstName, lastName } → v3 adds { tags }.
type V1 = { name: string };
type V2 = { firstName: string; lastName: string };
type V3 = V2 & { tags: string[] };
const v1toV2 = (v1: V1): V2 => {
  const [firstName = '', ...rest] = v1.name.split(' ');
  return { firstName, lastName: rest.join(' ') };
};
const v2toV3 = (v2: V2): V3 => ({ ...v2, tags: [] });

const schemas = eventSchemas({ PersonNamed: eventSchema(v1toV2, v2toV3), Renamed: eventSchema() });

describe('upcasting', () => {
  it('brings an event through every step to its current version, updating schemaVersion and data only', () => {
    const v1 = deepFreeze(stored('PersonNamed', 1, { name: 'Aminata Traoré Diallo' }));
    const upcast = schemas.upcast(v1);
    expect(upcast).toEqual({ ...v1, schemaVersion: 3, data: { firstName: 'Aminata', lastName: 'Traoré Diallo', tags: [] } });
  });

  it('starts the chain at the stored version', () => {
    const v2 = deepFreeze(stored('PersonNamed', 2, { firstName: 'Moussa', lastName: 'Keita' }));
    expect(schemas.upcast(v2)).toEqual({ ...v2, schemaVersion: 3, data: { firstName: 'Moussa', lastName: 'Keita', tags: [] } });
  });

  it('returns an event already at its current version as it is', () => {
    const v3 = stored('PersonNamed', 3, { firstName: 'A', lastName: 'B', tags: ['x'] });
    expect(schemas.upcast(v3)).toBe(v3);
  });

  it('passes events of unregistered types through unchanged, whatever their version', () => {
    const unknown = stored('SomethingElse', 4, { anything: true });
    expect(schemas.upcast(unknown)).toBe(unknown);
    expect(schemas.currentVersion('SomethingElse')).toBe(1);
    expect(schemas.currentVersion('constructor')).toBe(1); // not fooled by Object.prototype
    expect(schemas.upcast(stored('toString', 1, null)).schemaVersion).toBe(1);
  });

  it('never mutates the stored event (frozen input, fresh output)', () => {
    const v1 = deepFreeze(stored('PersonNamed', 1, { name: 'Fatoumata Coulibaly' }));
    const before = JSON.stringify(v1);
    schemas.upcast(v1);
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('is idempotent: upcasting an upcast event changes nothing', () => {
    const once = schemas.upcast(stored('PersonNamed', 1, { name: 'Ibrahim Maïga' }));
    expect(schemas.upcast(once)).toBe(once);
  });

  it('refuses a version it cannot read: newer than current (written by newer code), below 1, or not an integer', () => {
    for (const version of [4, 0, -1, 1.5, Number.NaN]) {
      expect(() => schemas.upcast(stored('PersonNamed', version, {}))).toThrow(UnsupportedSchemaVersion);
    }
    expect(() => schemas.upcast(stored('PersonNamed', 4, {}))).toThrow(/PersonNamed schema version 4 .* versions 1 to 3/);
    expect(() => schemas.assertReadable('PersonNamed', 3)).not.toThrow();
    expect(() => schemas.assertReadable('SomethingElse', 9)).not.toThrow();
  });

  it('knows each registered type’s current version', () => {
    expect(schemas.currentVersions).toEqual({ PersonNamed: 3, Renamed: 1 });
    expect(schemas.currentVersion('PersonNamed')).toBe(3);
  });

  it('refuses a registry whose chain does not match its current version', () => {
    expect(() => eventSchemas({ Broken: { currentVersion: 3, upcasters: [v1toV2] } })).toThrow(/Broken: current version 3 needs 2 upcasters, got 1/);
    expect(() => eventSchemas({ Broken: { currentVersion: 0, upcasters: [] } })).toThrow(RangeError);
  });
});
