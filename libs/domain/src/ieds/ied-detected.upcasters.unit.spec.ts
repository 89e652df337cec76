import type { StoredEvent } from '../shared/envelope';
import { toLocation } from '../shared/location';
import { currentSchemaVersion, upcast } from '../event-schemas';
import { iedDetectedV1toV2, type IedDetectedV1Data } from './ied-detected.upcasters';

const v1: IedDetectedV1Data = {
  iedId: 'x1',
  detectedAt: '2020-03-17T07:30:00.000Z',
  location: toLocation({ lat: 14.95, lon: 0.72, precision: 2, place: 'Labbezanga', cercle: 'Ansongo', region: 'Gao' }),
  convoyId: 'c-sika-7',
};
const envelope = (schemaVersion: number, data: unknown): StoredEvent => ({
  id: 'e1', type: 'IedDetected', schemaVersion, streamId: 'ied-x1', streamVersion: 1, position: 3,
  occurredAt: v1.detectedAt, recordedAt: v1.detectedAt, data, metadata: { actor: 'ops-1', role: 'ops', correlationId: 'c1' },
});

describe('IedDetected v1 → v2', () => {
  it('a v1 report named no axis: axis null, nothing guessed from its place', () => expect(iedDetectedV1toV2(v1)).toEqual({ ...v1, axis: null }));

  it('leaves optional fields absent and does not mutate its input', () => {
    const frozen = Object.freeze({ ...v1 });
    expect(iedDetectedV1toV2(frozen)).not.toHaveProperty('unit');
    expect(frozen).not.toHaveProperty('axis');
  });

  it('is registered: IedDetected is at version 2; a stored v1 changes only schemaVersion and data, a v2 not at all', () => {
    expect(currentSchemaVersion('IedDetected')).toBe(2);
    expect(upcast(envelope(1, v1))).toEqual(envelope(2, { ...v1, axis: null }));
    const v2 = envelope(2, { ...v1, axis: 'Gao–Ansongo–Labbezanga' });
    expect(upcast(v2)).toEqual(v2);
  });
});
