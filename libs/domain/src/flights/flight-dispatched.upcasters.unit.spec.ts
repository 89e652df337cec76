import { toArea } from '../shared/location';
import type { StoredEvent } from '../shared/envelope';
import { currentSchemaVersion, upcast } from '../event-schemas';
import { flightDispatchedV1toV2, type FlightDispatchedV1Data } from './flight-dispatched.upcasters';

const v1: FlightDispatchedV1Data = {
  flightId: 'f1',
  dispatchedAt: '2020-03-05T06:00:00.000Z',
  target: toArea({ lat: 14.064, lon: -3.0754, radiusKm: 5 }),
  alertIds: ['a1'],
  aircraft: 'Mi-35',
};

describe('FlightDispatched v1 → v2', () => {
  it('a v1 flight was a deterrent flight that took off when dispatched', () =>
    expect(flightDispatchedV1toV2(v1)).toEqual({ ...v1, purpose: 'rapid-response', takeOffAt: v1.dispatchedAt }));

  it('leaves optional fields absent and does not mutate its input', () => {
    const frozen = Object.freeze({ ...v1 });
    const v2 = flightDispatchedV1toV2(frozen);
    expect(v2).not.toHaveProperty('unit');
    expect(frozen).not.toHaveProperty('purpose');
  });

  it('is registered: FlightDispatched is at version 2, a stored v1 changes only schemaVersion and data', () => {
    expect(currentSchemaVersion('FlightDispatched')).toBe(2);
    const stored: StoredEvent = {
      id: 'e1', type: 'FlightDispatched', schemaVersion: 1, streamId: 'flight-f1', streamVersion: 1, position: 7,
      occurredAt: v1.dispatchedAt, recordedAt: v1.dispatchedAt, data: v1, metadata: { actor: 'ops-1', role: 'ops', correlationId: 'c1' },
    };
    expect(upcast(stored)).toEqual({ ...stored, schemaVersion: 2, data: { ...v1, purpose: 'rapid-response', takeOffAt: v1.dispatchedAt } });
  });

  it('leaves a stored v2 as it is', () => {
    const data = { ...v1, purpose: 'logistics', takeOffAt: '2020-03-05T06:30:00.000Z' };
    const stored: StoredEvent = {
      id: 'e2', type: 'FlightDispatched', schemaVersion: 2, streamId: 'flight-f1', streamVersion: 1, position: 8,
      occurredAt: v1.dispatchedAt, recordedAt: v1.dispatchedAt, data, metadata: { actor: 'ops-1', role: 'ops', correlationId: 'c1' },
    };
    expect(upcast(stored)).toEqual(stored);
  });
});
