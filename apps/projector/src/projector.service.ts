import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { followAll, type EventStore, type Subscription, EVENT_STORE } from '@poc/event-store';
import { type ProjectionRunner, PROJECTION_RUNNER } from '@poc/projections';
import { INFRASTRUCTURE, type Infrastructure } from '@poc/platform/wiring';

/**
 * Embedded projector: follows the store from the read models' checkpoint. After a crash
 * it resumes from the last committed checkpoint; the runner skips what was applied.
 *
 * On SQLite it runs in the store's writer thread instead (infra.startEmbeddedProjector),
 * beside the appends and off this thread, and nothing is projected here: the read models
 * would otherwise be written twice. It stops when the store closes.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(INFRASTRUCTURE) private readonly infra: Infrastructure,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.infra.startEmbeddedProjector) {
      const from = await this.infra.startEmbeddedProjector();
      this.logger.log(`following the event store from position ${from}, in the SQLite writer thread`);
      return;
    }
    const from = await this.runner.position();
    this.subscription = followAll(this.store, from, (batch) => this.runner.handle(batch), {
      onError: (error) => this.logger.error(`projection failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
    });
    this.logger.log(`following the event store from position ${from}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}
