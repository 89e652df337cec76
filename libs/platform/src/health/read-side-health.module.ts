import { Global, Inject, Injectable, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { type EventStore, EVENT_STORE } from '@poc/event-store';
import { type ProjectionRunner, PROJECTION_RUNNER } from '@poc/projections';
import type { AppConfig } from '../config/app-config';
import { FollowTracker, type FollowVerdict } from './follow-tracker';
import { APP_CONFIG } from '../config/app-config';

/**
 * Samples store head and read-model position every second, so that /health can tell a read
 * side that stopped following from one that is busy — even when nobody asked for a while.
 */
@Injectable()
export class ReadSideFollowing implements OnModuleInit, OnModuleDestroy {
  private readonly tracker: FollowTracker;
  private timer?: NodeJS.Timeout;
  private latest?: FollowVerdict;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
  ) {
    this.tracker = new FollowTracker(config.READ_MODELS_STALL_MS);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sample().catch(() => undefined), 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  get stallMs(): number {
    return this.tracker.stallMs;
  }

  /** Reads both positions now; rejects when the store or the read models cannot be reached. */
  async sample(): Promise<FollowVerdict> {
    // The head first: read models are never ahead of what was read of the store.
    const head = await this.store.lastPosition();
    const applied = await this.runner.position();
    this.latest = this.tracker.observe(Date.now(), head, applied);
    return this.latest;
  }
}

/** Imported by the apps that serve or build read models (query-api, projector, all-in-one). */
@Global()
@Module({ providers: [ReadSideFollowing], exports: [ReadSideFollowing] })
export class ReadSideHealthModule {}
