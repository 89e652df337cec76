import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { INFRASTRUCTURE, type Infrastructure } from '../../wiring/open-infrastructure';
import { PROJECTOR_FEED, type ProjectorFeed } from '../projector-feed';
import { inProcessFollowFeed } from './in-process-follow.feed';
import { kafkaConsumerGroupFeed } from './kafka-consumer-group.feed';
import { writerThreadFeed } from './writer-thread.feed';

/** The bus decides the source; without Kafka, an embedded store projects in its writer thread. */
export const feedForBus = (bus: 'inprocess' | 'kafka'): Provider => ({
  provide: PROJECTOR_FEED,
  inject: [APP_CONFIG, INFRASTRUCTURE],
  useFactory: (config: AppConfig, infra: Infrastructure): ProjectorFeed => {
    if (bus === 'kafka') return kafkaConsumerGroupFeed(config, infra.kafka!, infra.runner);
    return infra.startEmbeddedProjector ? writerThreadFeed(infra.startEmbeddedProjector) : inProcessFollowFeed(infra);
  },
});
