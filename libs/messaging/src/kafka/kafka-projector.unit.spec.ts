import type { EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { UnsupportedSchemaVersion, type StoredEvent } from '@poc/domain';
import type { ProjectionRunner } from '@poc/projections';
import { toMessage } from './event-codec';
import { KafkaProjector } from './kafka-projector';

const event = (schemaVersion: number, offset: number): StoredEvent => ({
  id: `e-${offset}`,
  type: 'AlertReceived',
  schemaVersion,
  streamId: `alert-a${offset}`,
  streamVersion: 1,
  position: offset + 1,
  occurredAt: '2020-03-05T09:30:00.000Z',
  recordedAt: '2020-03-05T09:31:00.000Z',
  data: { alertId: `a${offset}`, channel: 'radio', receivedAt: '2020-03-05T09:30:00.000Z', location: { lat: 14, lon: -3, precision: 1, h3: 'x' }, threat: { kind: 'other' } },
  metadata: { actor: 'operator-1', role: 'operator', correlationId: 'c-1' },
});

const asReceived = (e: StoredEvent, offset: number): KafkaMessage => {
  const m = toMessage(e);
  return { key: Buffer.from(m.key as string), value: Buffer.from(m.value as string), headers: m.headers, offset: String(offset), timestamp: '0', attributes: 0, size: 0 } as KafkaMessage;
};

/** A projector on fakes: returns its eachBatch, and what reached the runner and the dead-letter topic. */
const projectorOnFakes = async () => {
  let eachBatch!: (payload: EachBatchPayload) => Promise<void>;
  const consumer = {
    events: { CRASH: 'consumer.crash' },
    on: () => undefined,
    connect: async () => undefined,
    subscribe: async () => undefined,
    run: async (config: { eachBatch: typeof eachBatch }) => void (eachBatch = config.eachBatch),
    disconnect: async () => undefined,
  };
  const handled: StoredEvent[] = [];
  const deadLettered: unknown[] = [];
  const projector = new KafkaProjector(
    { consumer: () => consumer } as unknown as Kafka,
    { send: async (record: unknown) => void deadLettered.push(record) } as unknown as Producer,
    { handle: async (batch: readonly StoredEvent[]) => void handled.push(...batch) } as unknown as ProjectionRunner,
    { topic: 'poc.events', groupId: 'g', isTransient: () => false, log: () => undefined },
  );
  await projector.start();
  const committed: unknown[] = [];
  const run = (messages: KafkaMessage[]) =>
    eachBatch({
      batch: { topic: 'poc.events', partition: 0, messages, lastOffset: () => messages[messages.length - 1]!.offset },
      resolveOffset: () => undefined,
      commitOffsetsIfNecessary: async (offsets: unknown) => void committed.push(offsets),
      heartbeat: async () => undefined,
      isRunning: () => true,
      isStale: () => false,
    } as unknown as EachBatchPayload);
  return { run, handled, deadLettered, committed };
};

describe('KafkaProjector and schema versions', () => {
  it('projects a v1 AlertReceived from the topic at the current version, v3', async () => {
    const { run, handled, deadLettered } = await projectorOnFakes();
    await run([asReceived(event(1, 0), 0)]);
    expect(handled).toEqual([{ ...event(1, 0), schemaVersion: 3, data: { ...event(1, 0).data as object, intakeGrading: { reliability: 'F', credibility: 6 } } }]);
    expect(deadLettered).toEqual([]);
  });

  it('retries a batch holding a version newer than it knows (written by newer code), never dead-letters it', async () => {
    const { run, handled, deadLettered, committed } = await projectorOnFakes();
    await expect(run([asReceived(event(3, 0), 0), asReceived(event(4, 1), 1)])).rejects.toThrow(UnsupportedSchemaVersion);
    expect(handled).toEqual([]);
    expect(deadLettered).toEqual([]);
    expect(committed).toEqual([]);
  });
});
