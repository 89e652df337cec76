import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandApiModule } from '../../apps/command-api/src/command-api.module';
import { ProjectorModule } from '@poc/platform/projector';
import { QueryApiModule } from '../../apps/query-api/src/query-api.module';
import { loadConfig, type AppConfig } from '@poc/platform/config';
import { ApiKeyRegistry } from '@poc/platform/auth';
import { createHttpApp } from '@poc/platform/http';
import { InfrastructureModule, openInfrastructure, type Infrastructure } from '@poc/platform/wiring';

/** One key per role, admin included, for tests that drive an app in process. */
export const ROLE_KEYS = {
  operator: 'operator-key-inproc-0001',
  ops: 'ops-key-inproc-0001',
  analyst: 'analyst-key-inproc-0001',
  admin: 'admin-key-inproc-0001',
} as const;
export const ROLE_API_KEYS = Object.entries(ROLE_KEYS).map(([role, key]) => `${role}:${key}`).join(',');
export const bearer = (role: keyof typeof ROLE_KEYS) => ({ authorization: `Bearer ${ROLE_KEYS[role]}` });

export type InProcessApp = Readonly<{
  app: NestFastifyApplication;
  infra: Infrastructure;
  config: AppConfig;
  close: () => Promise<void>;
}>;

/**
 * Builds an app exactly as `runHttpApp` does (same config, adapters, guard, pipes, filter,
 * OpenAPI) but without listening: requests go through `app.inject`, which runs Fastify's
 * whole pipeline (body limit, content-type parsing, hooks) in memory. A fresh temp SQLite
 * folder unless `env` says otherwise (EVENT_STORE=postgres with DATABASE_URL).
 */
export const startInProcessApp = async (
  modules: (config: AppConfig) => (Type | DynamicModule)[] = (config) => [CommandApiModule, QueryApiModule, ProjectorModule.forRoot(config.BUS)],
  env: Record<string, string> = {},
): Promise<InProcessApp> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'poc-inproc-'));
  const config = loadConfig({ DATA_DIR: dataDir, API_KEYS: ROLE_API_KEYS, LOG_LEVEL: 'silent', ...env });
  const infra = await openInfrastructure(config);
  class TestRootModule {}
  const root: DynamicModule = {
    module: TestRootModule,
    imports: [InfrastructureModule.forRoot(config, infra, ApiKeyRegistry.parse(ROLE_API_KEYS)), ...modules(config)],
  };
  const app = await createHttpApp(root, 'in-process test app');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    infra,
    config,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
