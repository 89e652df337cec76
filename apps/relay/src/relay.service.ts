import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventRelay, PostgresRelayCheckpoints, PostgresRelayLease } from '@poc/messaging';
import { APP_CONFIG, type AppConfig } from '@poc/platform/config';
import { INFRASTRUCTURE, type Infrastructure } from '@poc/platform/wiring';

/**
 * Store → Kafka. Waits for the lease (one publisher at a time); if it loses the lease (its
 * database connection died) it stops publishing and queues for the lease again.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Relay');
  private relay?: EventRelay;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
  ) {}

  get status() {
    return this.relay?.status ?? { leader: false, position: 0 };
  }

  onApplicationBootstrap(): void {
    // Waiting for the lease must not hold up the HTTP server (its /health says "standby").
    void this.run();
  }

  private async run(): Promise<void> {
    const { pool, kafka, eventStore } = this.infra;
    if (!pool || !kafka) throw new Error('the relay needs EVENT_STORE=postgres and BUS=kafka');
    const lease = new PostgresRelayLease(pool);
    this.relay = new EventRelay(eventStore, kafka.producer, this.config.KAFKA_TOPIC, new PostgresRelayCheckpoints(pool), lease, (reason) => {
      this.logger.warn(`lost the relay lease (${reason}); waiting to take it again`);
      if (!this.stopped) setTimeout(() => void this.run(), 1000);
    });
    this.logger.log('waiting for the relay lease');
    await this.relay.start();
    this.logger.log(`publishing to ${this.config.KAFKA_TOPIC} from position ${this.relay.status.position}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.relay?.stop();
  }
}
