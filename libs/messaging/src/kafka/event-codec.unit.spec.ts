import type { KafkaMessage } from 'kafkajs';
import { UnsupportedSchemaVersion, type StoredEvent } from '@poc/domain';
import { fromMessage, toMessage } from './event-codec';

const envelope = (type: string, schemaVersion: number, data: unknown): StoredEvent => ({
  id: 'e-1',
  type,
  schemaVersion,
  streamId: 'alert-a1',
  streamVersion: 1,
  position: 3,
  occurredAt: '2020-03-05T09:30:00.000Z',
  recordedAt: '2020-03-05T09:31:00.000Z',
  data,
  metadata: { actor: 'operator-1', role: 'operator', correlationId: 'c-1' },
});

/** What a consumer receives for a message the relay produced. */
const received = (event: StoredEvent): KafkaMessage => {
  const message = toMessage(event);
  return { key: Buffer.from(message.key as string), value: Buffer.from(message.value as string), headers: message.headers, offset: '0', timestamp: '0', attributes: 0, size: 0 } as KafkaMessage;
};

const v1Data = { alertId: 'a1', channel: 'radio', receivedAt: '2020-03-05T09:30:00.000Z', location: { lat: 14.15, lon: -3.62, precision: 1, h3: 'x' }, threat: { kind: 'other' } };

describe('event codec', () => {
  it('round-trips an event at its current version', () => {
    const event = envelope('AlertTriaged', 1, { alertId: 'a1', priority: 'flash', triagedAt: '2020-03-05T10:00:00.000Z' });
    expect(fromMessage(received(event))).toEqual(event);
  });

  it('reads an AlertReceived published as v1 (before intake grading) at the current version, v3', () => {
    const v1 = envelope('AlertReceived', 1, v1Data);
    const message = received(v1);
    expect(fromMessage(message)).toEqual({ ...v1, schemaVersion: 3, data: { ...v1Data, intakeGrading: { reliability: 'F', credibility: 6 } } });
    expect(message.headers?.['schema-version']).toBe('1'); // the message itself says what was published
  });

  it('refuses a version newer than this code knows', () => {
    expect(() => fromMessage(received(envelope('AlertReceived', 4, v1Data)))).toThrow(UnsupportedSchemaVersion);
  });
});
