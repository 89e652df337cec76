import { applyDecorators, Injectable, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { AuthenticatedRequest } from './api-key.guard';
import { describeRateLimit, type RateLimit } from './rate-limit-setting';

/**
 * Counts requests per API key, not per address: hotline consoles often share one NAT or
 * proxy, and one console flooding must not silence the others. It runs as a route guard,
 * after the global ApiKeyGuard, so the principal is known and an unknown key gets 401
 * before it can spend anyone's budget.
 */
@Injectable()
export class PerKeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Pick<AuthenticatedRequest, 'principal' | 'ip'>): Promise<string> {
    // Only a @Public() route has no principal; the address is the best there is then.
    return req.principal?.actor ?? `ip:${req.ip}`;
  }
}

/**
 * Limits the decorated route per API key by ALERTS_RATE_LIMIT. A refused request answers
 * 429 with Retry-After before any pipe or handler runs, so it stores nothing.
 */
export const AlertsRateLimit = () =>
  applyDecorators(
    UseGuards(PerKeyThrottlerGuard),
    ApiTooManyRequestsResponse({ description: 'this API key posted too many alerts recently (ALERTS_RATE_LIMIT); retry after Retry-After seconds' }),
  );

const throttlerOptions = (rate: RateLimit): ThrottlerModuleOptions => {
  if (rate === 'off') return { throttlers: [{ limit: 1, ttl: 1, setHeaders: false }], skipIf: () => true };
  return {
    throttlers: [
      {
        limit: rate.limit,
        ttl: rate.windowMs,
        // No extra penalty: each request leaves the window on its own, a refused one is not
        // counted, so Retry-After is exactly when the oldest counted request expires.
        blockDuration: 0,
      },
    ],
    // The library's default message names its exception class; clients get a sentence.
    errorMessage: (_context, detail) =>
      `too many requests with this API key: at most ${describeRateLimit(rate)}; retry after ${detail.timeToBlockExpire} s`,
  };
};

/** Registered once (the throttler module is global); its counters live in this process. */
export const alertsRateLimitModule = (rate: RateLimit) => ThrottlerModule.forRoot(throttlerOptions(rate));
