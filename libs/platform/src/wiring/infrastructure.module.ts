import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { alertsRateLimitModule } from '../auth/alerts-rate-limit';
import type { ApiKeyRegistry } from '../auth/api-keys';
import type { AppConfig } from '../config/app-config';
import { HealthController } from '../health/health.controller';
import { CallerVault, CALLER_KEYS, CALLER_VAULT } from '@poc/privacy';
import { APP_CONFIG } from '../config/app-config';
import { API_KEY_REGISTRY } from '../auth/api-keys';
import { INFRASTRUCTURE } from './open-infrastructure';
import type { Infrastructure } from './open-infrastructure';
import { EVENT_STORE } from '@poc/event-store';
import { PROJECTION_RUNNER, READ_MODEL_STORE } from '@poc/projections';

/**
 * The composition root's adapters, opened before Nest starts (so a bad configuration or an
 * unreachable database fails fast) and handed to every module through these tokens.
 */
/** Closes the adapters when Nest shuts down (SIGTERM), after the HTTP server stopped. */
class InfrastructureLifecycle implements OnApplicationShutdown {
  constructor(@Inject(INFRASTRUCTURE) private readonly infra: Infrastructure) {}
  async onApplicationShutdown(): Promise<void> {
    await this.infra.close();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, infra: Infrastructure, keys: ApiKeyRegistry): DynamicModule {
    const providers: Provider[] = [
      { provide: APP_CONFIG, useValue: config },
      { provide: INFRASTRUCTURE, useValue: infra },
      { provide: EVENT_STORE, useValue: infra.eventStore },
      { provide: READ_MODEL_STORE, useValue: infra.readModelStore },
      { provide: PROJECTION_RUNNER, useValue: infra.runner },
      { provide: API_KEY_REGISTRY, useValue: keys },
      { provide: CALLER_KEYS, useValue: infra.callerKeys },
      { provide: CALLER_VAULT, useValue: new CallerVault(infra.callerKeys) },
      { provide: APP_GUARD, useClass: ApiKeyGuard },
      InfrastructureLifecycle,
    ];
    return {
      module: InfrastructureModule,
      imports: [
        TerminusModule.forRoot({ logger: false }),
        alertsRateLimitModule(config.ALERTS_RATE_LIMIT),
        // Structured logs; request bodies are never logged (they may hold a caller's phone).
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            autoLogging: { ignore: (req) => req.url === '/health' },
            redact: ['req.headers.authorization'],
          },
        }),
      ],
      controllers: [HealthController],
      providers,
      exports: providers.filter((p) => typeof p === 'object' && p.provide !== APP_GUARD),
    };
  }
}
