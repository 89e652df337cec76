import { Kafka, logLevel, type Admin } from 'kafkajs';

export type KafkaSettings = Readonly<{ brokers: readonly string[]; clientId: string; topic: string; partitions: number }>;

export const deadLetterTopic = (topic: string): string => `${topic}.dead-letter`;

export const createKafka = (settings: KafkaSettings): Kafka =>
  new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    logLevel: logLevel.WARN,
    // Keep retrying through a broker restart, at most a second apart, so that a broker back
    // is seen within a second (with 5 s between tries, catch-up took 18–19.5 s: issue 13).
    // Past the retries a consumer crashes and KafkaProjector restarts it; the relay retries its batch.
    retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 30 },
    connectionTimeout: 3_000,
  });

/** Topics are created explicitly (auto-creation is off on the broker): events and dead letters. */
export const ensureTopics = async (admin: Admin, settings: KafkaSettings): Promise<void> => {
  const existing = new Set(await admin.listTopics());
  const wanted = [
    { topic: settings.topic, numPartitions: settings.partitions },
    { topic: deadLetterTopic(settings.topic), numPartitions: 1 },
  ].filter((t) => !existing.has(t.topic));
  if (wanted.length === 0) return;
  try {
    await admin.createTopics({ topics: wanted.map((t) => ({ ...t, replicationFactor: 1 })), waitForLeaders: true });
  } catch (error) {
    // Another instance may have created them in the meantime.
    if (!String((error as Error).message).includes('exists')) throw error;
  }
};
