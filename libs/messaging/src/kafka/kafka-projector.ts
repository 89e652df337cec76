import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { UnsupportedSchemaVersion, type StoredEvent } from '@poc/domain';
import type { ProjectionRunner } from '@poc/projections';
import { fromMessage } from './event-codec';
import { deadLetterTopic } from './kafka-topics';

export type KafkaProjectorOptions = Readonly<{
  topic: string;
  groupId: string;
  /** True when an error means "try again later" (the database is down), not "this event is bad". */
  isTransient: (error: unknown) => boolean;
  log: (message: string) => void;
  /**
   * How many of this member's partitions it applies at once (default 1). kafkajs fetches
   * every assigned partition in one request and fetches again only when all their batches
   * are handled: one at a time, an event waited for the other partitions' read-model
   * transactions too (tests/perf/freshness.bench.ts). Batches of different partitions are
   * independent (one transaction each, documents guarded by their revision), as between
   * two projector processes.
   */
  concurrency?: number;
}>;

type Decoded = { message: KafkaMessage; event?: StoredEvent; error?: unknown };

/**
 * Applied offsets are committed at most this often, not after every batch: a commit is a
 * round trip to the group coordinator (p50 12 ms, p99 over 100 ms on a busy 2-core machine,
 * tests/perf/freshness.bench.ts) that held up the partition's next batch. A member that dies
 * in between hands its successor up to a second of events again, which the runner skips:
 * their stream versions are already applied.
 */
export const OFFSET_COMMIT_INTERVAL_MS = 1000;

/**
 * One member of the projector consumer group. A batch is applied in one read-model
 * transaction, then its offsets are committed (at most once a second): a crash in between
 * redelivers the batch and the runner skips what it already applied. A message that cannot be applied goes to the
 * dead-letter topic with the reason, and the partition moves on.
 */
export class KafkaProjector {
  private consumer?: Consumer;
  private stopping = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly producer: Producer,
    private readonly runner: ProjectionRunner,
    private readonly options: KafkaProjectorOptions,
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    // A dead member's partitions move after the session timeout: 10 s rather than kafkajs' 30 s.
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 30 } });
    this.consumer = consumer;
    // kafkajs gives up for good after its retries; a projector must not.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (this.stopping || payload.restart) return;
      this.options.log(`consumer crashed (${payload.error.message}); restarting`);
      setTimeout(() => void this.restart(), 1000);
    });
    await consumer.connect();
    await consumer.subscribe({ topic: this.options.topic, fromBeginning: true });
    await consumer.run({
      eachBatchAutoResolve: false,
      autoCommit: false,
      autoCommitInterval: OFFSET_COMMIT_INTERVAL_MS,
      partitionsConsumedConcurrently: this.options.concurrency ?? 1,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  private async restart(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    if (!this.stopping) await this.start().catch((error: Error) => {
      this.options.log(`restart failed (${error.message}); retrying`);
      setTimeout(() => void this.restart(), 2000);
    });
  }

  private async onBatch({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0 || !isRunning() || isStale()) return;
    const decoded: Decoded[] = batch.messages.map((message) => {
      try {
        return { message, event: fromMessage(message) };
      } catch (error) {
        return { message, error };
      }
    });
    // An event written by newer code (a schema version this projector cannot read yet) is not
    // poison: retry the batch until this projector runs the new code, never dead-letter it.
    const tooNew = decoded.find((d) => d.error instanceof UnsupportedSchemaVersion && d.error.schemaVersion > d.error.currentVersion);
    if (tooNew) throw tooNew.error;
    const events = decoded.filter((d) => d.event).map((d) => d.event!);
    try {
      await this.runner.handle(events);
    } catch (error) {
      if (this.options.isTransient(error)) throw error; // kafkajs retries the batch
      await this.applyOneByOne(decoded);
    }
    await this.deadLetter(batch.topic, batch.partition, decoded.filter((d) => d.error));
    resolveOffset(batch.messages[batch.messages.length - 1]!.offset);
    // Without offsets: commits what is resolved once OFFSET_COMMIT_INTERVAL_MS has passed.
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  /** Find the poison message(s): apply the rest, mark the failures for the dead-letter topic. */
  private async applyOneByOne(decoded: Decoded[]): Promise<void> {
    for (const item of decoded) {
      if (!item.event) continue;
      try {
        await this.runner.handle([item.event]);
      } catch (error) {
        if (this.options.isTransient(error)) throw error;
        item.error = error;
      }
    }
  }

  private async deadLetter(topic: string, partition: number, failed: Decoded[]): Promise<void> {
    if (failed.length === 0) return;
    await this.producer.send({
      topic: deadLetterTopic(topic),
      acks: -1,
      messages: failed.map(({ message, error }) => ({
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          'dead-letter-reason': error instanceof Error ? `${error.name}: ${error.message}` : String(error),
          'original-topic': topic,
          'original-partition': String(partition),
          'original-offset': message.offset,
        },
      })),
    });
    this.options.log(`sent ${failed.length} message(s) to ${deadLetterTopic(topic)}`);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
  }
}
