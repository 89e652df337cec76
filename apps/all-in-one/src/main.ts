import 'reflect-metadata';
import { ApiKeyRegistry, createHttpApp, loadConfig, openInfrastructure, type AppConfig } from '@poc/platform';
import { resolve } from 'node:path';
import { AllInOneModule } from './all-in-one.module';
import { runDemo } from './demo/run-demo';

const apiKeys = (config: AppConfig): ApiKeyRegistry => {
  if (config.API_KEYS) return ApiKeyRegistry.parse(config.API_KEYS);
  const { registry, file, created } = ApiKeyRegistry.loadOrCreate(config.DATA_DIR);
  console.log(`${created ? 'Created' : 'Using'} one API key per role (operator, ops, analyst, admin) in ${resolve(file)}`);
  return registry;
};

const main = async (): Promise<void> => {
  const config = loadConfig();
  const keys = apiKeys(config);
  const infra = await openInfrastructure(config);
  const app = await createHttpApp(AllInOneModule.create(config, infra, keys), 'Protection of civilians — incident tracking');
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  console.log(`Serving on ${url} (OpenAPI: ${url}/docs); data in ${resolve(config.DATA_DIR)}`);
  if (process.argv.includes('--demo')) await runDemo(url, config, infra.eventStore);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
