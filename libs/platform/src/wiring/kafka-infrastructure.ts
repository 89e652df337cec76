import { Partitioners, type Admin, type Kafka, type Producer } from 'kafkajs';
import { createKafka, ensureTopics, type KafkaSettings } from '@poc/messaging';
import type { AppConfig } from '../config/app-config';

export type KafkaInfrastructure = Readonly<{ client: Kafka; admin: Admin; producer: Producer; settings: KafkaSettings }>;

export const kafkaSettings = (config: AppConfig): KafkaSettings => ({
  brokers: (config.KAFKA_BROKERS ?? '').split(','),
  clientId: config.KAFKA_CLIENT_ID,
  topic: config.KAFKA_TOPIC,
  partitions: config.KAFKA_PARTITIONS,
});

/** Connects admin and producer and makes sure the topics exist; the broker may still be starting. */
export const openKafka = async (config: AppConfig): Promise<KafkaInfrastructure> => {
  const settings = kafkaSettings(config);
  const client = createKafka(settings);
  const admin = client.admin();
  await admin.connect();
  await ensureTopics(admin, settings);
  // The default partitioner (murmur2 of the key) is named explicitly: kafkajs warns otherwise, and
  // the mapping stream → partition must not change between versions.
  const producer = client.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  return { client, admin, producer, settings };
};
