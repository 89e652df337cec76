import { Controller, Get, Inject, Optional, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { type EventStore, EVENT_STORE } from '@poc/event-store';
import { type ProjectionRunner, PROJECTION_RUNNER } from '@poc/projections';
import { Public } from '../auth/roles.decorator';
import type { Infrastructure } from '../wiring/open-infrastructure';
import { ReadSideFollowing } from './read-side-health.module';
import { INFRASTRUCTURE } from '../wiring/open-infrastructure';

export type LagSource = Readonly<{ name: string; position: () => number | Promise<number> }>;
/** Optional: an app-specific position to report lag against (the relay's acknowledged position). */
export const HEALTH_LAG = Symbol('HEALTH_LAG');

/** 200 when the app can serve; 503 naming the failing part. Lag is in events behind the store. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(PROJECTION_RUNNER) private readonly runner?: ProjectionRunner,
    @Optional() @Inject(INFRASTRUCTURE) private readonly infra?: Infrastructure,
    @Optional() @Inject(HEALTH_LAG) private readonly lagSource?: LagSource,
    @Optional() private readonly following?: ReadSideFollowing,
  ) {}

  @Get()
  @Public()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.eventStore(),
        ...(this.runner ? [() => this.projections()] : []),
        ...(this.infra?.kafka ? [() => this.broker()] : []),
        ...(this.lagSource ? [() => this.appLag(this.lagSource!)] : []),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) {
        void reply.status(503);
        return error.getResponse() as HealthCheckResult;
      }
      throw error;
    }
  }

  private async eventStore() {
    const check = this.indicators.check('eventStore');
    try {
      return check.up({ lastPosition: await this.store.lastPosition() });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  private async broker() {
    const check = this.indicators.check('broker');
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2000).unref());
      const cluster = await Promise.race([this.infra!.kafka!.admin.describeCluster(), timeout]);
      return check.up({ brokers: cluster.brokers.length });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  private async appLag(source: LagSource) {
    const check = this.indicators.check(source.name);
    const [last, position] = await Promise.all([this.store.lastPosition(), source.position()]);
    return check.up({ position, lag: Math.max(0, last - position) });
  }

  private async projections() {
    const check = this.indicators.check('projections');
    try {
      if (this.following) {
        // Apps that serve or build read models: behind and not moving is a frozen read side.
        const v = await this.following.sample();
        const seconds = Math.round(v.stalledForMs / 1000);
        if (!v.following) return check.down({ position: v.applied, lag: v.lag, message: `read models not following the store: ${v.lag} events behind, nothing applied for ${seconds} s` });
        return check.up({ position: v.applied, lag: v.lag });
      }
      const [last, applied] = await Promise.all([this.store.lastPosition(), this.runner!.position()]);
      return check.up({ position: applied, lag: Math.max(0, last - applied) });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }
}
