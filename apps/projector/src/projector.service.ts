import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { followAll, type EventStore, type Subscription } from '@poc/event-store';
import type { ProjectionRunner } from '@poc/projections';
import { EVENT_STORE, PROJECTION_RUNNER } from '@poc/platform';

/**
 * Embedded projector: follows the store from the read models' checkpoint. After a crash
 * it resumes from the last committed checkpoint; the runner skips what was applied.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projector');
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
