import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolve } from 'node:path';
import { ApiKeyRegistry } from '../auth/api-keys';
import { loadConfig, type AppConfig } from '../config/app-config';
import { createHttpApp } from '../http/create-http-app';
import { InfrastructureModule } from './infrastructure.module';
import { openInfrastructure, type Infrastructure } from './open-infrastructure';
import { installProcessGuard } from './process-guard';

export type RunningApp = Readonly<{ app: NestFastifyApplication; url: string; config: AppConfig; infra: Infrastructure }>;

const apiKeys = (config: AppConfig): ApiKeyRegistry => {
  if (config.API_KEYS) return ApiKeyRegistry.parse(config.API_KEYS);
  const { registry, file, created } = ApiKeyRegistry.loadOrCreate(config.DATA_DIR);
  console.log(`${created ? 'Created' : 'Using'} one API key per role (operator, ops, analyst, admin) in ${resolve(file)}`);
  return registry;
};

/** Every app starts the same way: validated config, adapters opened, Nest on Fastify, /health. */
export const runHttpApp = async (title: string, modules: (config: AppConfig) => (Type | DynamicModule)[]): Promise<RunningApp> => {
  installProcessGuard(title);
  const config = loadConfig();
  const keys = apiKeys(config);
  const infra = await openInfrastructure(config);
  class RootModule {}
  const root: DynamicModule = { module: RootModule, imports: [InfrastructureModule.forRoot(config, infra, keys), ...modules(config)] };
  const app = await createHttpApp(root, title);
  await app.listen(config.PORT, config.HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  console.log(`${title}: serving on ${url} (OpenAPI: ${url}/docs); event store ${config.EVENT_STORE}, bus ${config.BUS}`);
  return { app, url, config, infra };
};

export const exitOnFailure = (error: unknown): never => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
};
