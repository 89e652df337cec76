import { CURRENT_SCHEMA_VERSIONS, currentSchemaVersion, upcast } from '../event-schemas';
import type { StoredEvent } from '../shared/envelope';
import { toLocation } from '../shared/location';
import { alertReceivedV1toV2, alertReceivedV2toV3, type AlertReceivedV1Data, type AlertReceivedV2Data } from './alert-received.upcasters';
import { NOT_GRADED_AT_INTAKE, type AlertReceivedData } from './alert.events';

/** An AlertReceived exactly as schema v1 stored it (2020, before intake grading). */
const v1Data: AlertReceivedV1Data = Object.freeze({
  alertId: 'a1',
  channel: 'hotline',
  receivedAt: '2020-03-05T09:30:00.000Z',
  location: toLocation({ lat: 14.15, lon: -3.62, precision: 2, place: 'Ogossagou', cercle: 'Bankass', region: 'Mopti' }),
  threat: Object.freeze({ kind: 'attack-on-civilians', expectedAt: '2020-03-06T04:00:00.000Z' }),
  description: 'armed men on motorbikes east of the village',
  caller: Object.freeze({ phone: 'enc:…' }),
});

const storedV1: StoredEvent = Object.freeze({
  id: '0b9f7c1e-0000-4000-8000-000000000001',
  type: 'AlertReceived',
  schemaVersion: 1,
  streamId: 'alert-a1',
  streamVersion: 1,
  position: 42,
  occurredAt: '2020-03-05T09:30:00.000Z',
  recordedAt: '2020-03-05T09:31:12.000Z',
  data: v1Data,
  metadata: Object.freeze({ actor: 'operator-1', role: 'operator', correlationId: 'c-1' }),
});

describe('AlertReceived v1 → v2', () => {
  it('adds the intake grading an ungraded v1 report honestly has: F6, "cannot be judged"', () => {
    const v2: AlertReceivedV2Data = alertReceivedV1toV2(v1Data);
    expect(v2).toEqual({ ...v1Data, intakeGrading: { reliability: 'F', credibility: 6 } });
    expect(v2.intakeGrading).toEqual(NOT_GRADED_AT_INTAKE);
  });

  it('keeps every v1 field as it was, and leaves absent optional fields absent', () => {
    const { description: _d, caller: _c, ...minimal } = v1Data;
    const v2 = alertReceivedV1toV2(minimal);
    expect(v2).toEqual({ ...minimal, intakeGrading: NOT_GRADED_AT_INTAKE });
    expect(v2).not.toHaveProperty('description');
    expect(v2).not.toHaveProperty('caller');
  });

  it('is pure: the v1 data is not touched, and no two results share the grading object', () => {
    const before = JSON.stringify(v1Data);
    const a = alertReceivedV1toV2(v1Data);
    const b = alertReceivedV1toV2(v1Data);
    expect(JSON.stringify(v1Data)).toBe(before);
    expect(a).toEqual(b);
    expect(a.intakeGrading).not.toBe(b.intakeGrading);
    expect(a.intakeGrading).not.toBe(NOT_GRADED_AT_INTAKE);
  });

});

describe('AlertReceived v2 → v3', () => {
  const v2Data = alertReceivedV1toV2(v1Data);

  it('drops a plaintext caller, keeping only the mark that there was one', () => {
    const v3: AlertReceivedData = alertReceivedV2toV3(v2Data);
    const { caller: _plain, ...rest } = v2Data;
    expect(v3).toEqual({ ...rest, caller: { sealed: false } });
    expect(JSON.stringify(v3)).not.toContain('enc:');
  });

  it('leaves an alert without a caller without one', () => {
    const { caller: _c, ...noCaller } = v2Data;
    expect(alertReceivedV2toV3(noCaller)).not.toHaveProperty('caller');
  });

  it('is registered: AlertReceived is at v3, and the domain upcast reads a stored v1 through both steps', () => {
    expect(CURRENT_SCHEMA_VERSIONS).toMatchObject({ AlertReceived: 3 });
    expect(currentSchemaVersion('AlertReceived')).toBe(3);
    expect(currentSchemaVersion('AlertTriaged')).toBe(1);
    const { caller: _plain, ...rest } = v1Data;
    const read = upcast(storedV1);
    expect(read).toEqual({ ...storedV1, schemaVersion: 3, data: { ...rest, intakeGrading: { reliability: 'F', credibility: 6 }, caller: { sealed: false } } });
    expect(storedV1.schemaVersion).toBe(1);
    expect(storedV1.data).not.toHaveProperty('intakeGrading');
  });

  it('leaves a stored v3 (sealed caller) as it is', () => {
    const sealed = { sealed: true, keyId: 'k1', iv: 'aXY', tag: 'dGFn', ciphertext: 'Y2lwaGVy' } as const;
    const v3 = { ...storedV1, schemaVersion: 3, data: { ...v1Data, caller: sealed, intakeGrading: { reliability: 'B', credibility: 2 } } };
    expect(upcast(v3)).toBe(v3);
  });
});
