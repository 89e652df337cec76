import { KafkaProjector } from '@poc/messaging';
import { ConcurrentDocUpdate, type ProjectionRunner } from '@poc/projections';
import type { AppConfig } from '../../config/app-config';
import type { KafkaInfrastructure } from '../../wiring/kafka-infrastructure';
import { isUnavailable } from '../../wiring/unavailable';
import type { ProjectorFeed } from '../projector-feed';

/** BUS=kafka: a member of the projector consumer group, Kafka → read models in PostgreSQL. */
export const kafkaConsumerGroupFeed = (config: AppConfig, kafka: KafkaInfrastructure, runner: ProjectionRunner): ProjectorFeed => {
  let projector: KafkaProjector | undefined;
  return {
    name: 'KafkaProjector',
    start: async (log) => {
      projector = new KafkaProjector(kafka.client, kafka.producer, runner, {
        topic: config.KAFKA_TOPIC,
        groupId: config.PROJECTOR_GROUP,
        // A lost race on a shared document, or a database outage: retry, never dead-letter.
        isTransient: (error) => error instanceof ConcurrentDocUpdate || isUnavailable(error),
        log: (message) => log.warn(message),
        // Every partition this member may be given, at once: see KafkaProjectorOptions.concurrency.
        concurrency: config.KAFKA_PARTITIONS,
      });
      await projector.start();
      return `consuming ${config.KAFKA_TOPIC} in group ${config.PROJECTOR_GROUP}`;
    },
    stop: async () => {
      await projector?.stop();
    },
  };
};
