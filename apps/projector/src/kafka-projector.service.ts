import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KafkaProjector } from '@poc/messaging';
import { ConcurrentDocUpdate, type ProjectionRunner, PROJECTION_RUNNER } from '@poc/projections';
import { APP_CONFIG, type AppConfig } from '@poc/platform/config';
import { INFRASTRUCTURE, isUnavailable, type Infrastructure } from '@poc/platform/wiring';

/** A member of the projector consumer group: Kafka → read models in PostgreSQL. */
@Injectable()
export class KafkaProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('KafkaProjector');
  private projector?: KafkaProjector;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const kafka = this.infra.kafka!;
    this.projector = new KafkaProjector(kafka.client, kafka.producer, this.runner, {
      topic: this.config.KAFKA_TOPIC,
      groupId: this.config.PROJECTOR_GROUP,
      // A lost race on a shared document, or a database outage: retry, never dead-letter.
      isTransient: (error) => error instanceof ConcurrentDocUpdate || isUnavailable(error),
      log: (message) => this.logger.warn(message),
      // Every partition this member may be given, at once: see KafkaProjectorOptions.concurrency.
      concurrency: this.config.KAFKA_PARTITIONS,
    });
    await this.projector.start();
    this.logger.log(`consuming ${this.config.KAFKA_TOPIC} in group ${this.config.PROJECTOR_GROUP}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector?.stop();
  }
}
