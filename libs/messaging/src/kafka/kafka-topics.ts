import { Kafka, logLevel, type Admin } from 'kafkajs';

export type KafkaSettings = Readonly<{ brokers: readonly string[]; clientId: string; topic: string; partitions: number }>;

export const deadLetterTopic = (topic: string): string => `${topic}.dead-letter`;

export const createKafka = (settings: KafkaSettings): Kafka =>
  new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    logLevel: logLevel.WARN,
    // Keep retrying through a broker restart instead of giving up after a few seconds.
    retry: { initialRetryTime: 200, maxRetryTime: 5_000, retries: 12 },
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
