import { upcast, type StoredEvent } from '@poc/domain';
import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/**
 * One Kafka message per event. The key is the stream id, so a stream's events share a
 * partition and keep their order; headers let a consumer route without parsing the body.
 */
export const toMessage = (event: StoredEvent): Message => ({
  key: event.streamId,
  value: JSON.stringify(event),
  headers: {
    'event-type': event.type,
    'schema-version': String(event.schemaVersion),
    position: String(event.position),
    'event-id': event.id,
  },
});

export class UndecodableMessage extends Error {}

const header = (headers: IHeaders | undefined, name: string): string | undefined => {
  const value = headers?.[name];
  return value === undefined ? undefined : Buffer.isBuffer(value) ? value.toString() : Array.isArray(value) ? String(value[0]) : String(value);
};

/**
 * The event of a message, at its type's current schema version: the topic keeps what was
 * published before a schema change (v1 AlertReceived), and consumers read only current
 * shapes (docs/schema-evolution.md). Throws `UnsupportedSchemaVersion` for a version newer
 * than this code knows.
 */
export const fromMessage = (message: KafkaMessage): StoredEvent => {
  if (!message.value) throw new UndecodableMessage('message has no value');
  let event: StoredEvent;
  try {
    event = JSON.parse(message.value.toString()) as StoredEvent;
  } catch {
    throw new UndecodableMessage('message value is not JSON');
  }
  const ok =
    typeof event?.type === 'string' &&
    typeof event.streamId === 'string' &&
    Number.isInteger(event.streamVersion) &&
    Number.isInteger(event.position) &&
    event.type === header(message.headers, 'event-type');
  if (!ok) throw new UndecodableMessage('message is not an event envelope');
  return upcast(event);
};
