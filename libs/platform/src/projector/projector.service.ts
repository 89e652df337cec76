import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PROJECTOR_FEED, type ProjectorFeed } from './projector-feed';

/** Starts the feed the wiring chose once the app is up, and stops it when the app shuts down. */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;

  constructor(@Inject(PROJECTOR_FEED) private readonly feed: ProjectorFeed) {
    this.logger = new Logger(feed.name);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.logger.log(await this.feed.start(this.logger));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }
}
