/**
 * The two deployments the benchmarks drive: embedded (all-in-one on SQLite) and
 * distributed (command-api, relay, projector × N, query-api as separate processes on a
 * throwaway PostgreSQL and Kafka, as in docs/distributed.md). Rate limiting is off: these
 * benchmarks measure ingestion and propagation, not the per-key limiter.
 */
import { join } from 'node:path';
import { kafkaIn, postgresIn, type Service } from '../../support/services';
import { APPS, BENCH_API_KEYS, startBenchApp, type BenchApp } from './bench-processes';

export type Topology = Readonly<{
  mode: 'embedded' | 'kafka';
  writeUrl: string;
  readUrl: string;
  apps: readonly BenchApp[];
  stop: () => Promise<void>;
}>;

export type TopologyOptions = Readonly<{ work: string; projectors?: number; env?: Record<string, string>; log: (line: string) => void }>;

const BASE_ENV = { API_KEYS: BENCH_API_KEYS, ALERTS_RATE_LIMIT: 'off' };

export const startEmbedded = async ({ work, env, log }: TopologyOptions): Promise<Topology> => {
  const app = await startBenchApp('all-in-one', APPS.allInOne, { env: { ...BASE_ENV, DATA_DIR: join(work, 'data'), ...env }, logDir: join(work, 'logs') });
  log(`all-in-one on ${app.url} (pid ${app.pid})`);
  return { mode: 'embedded', writeUrl: app.url, readUrl: app.url, apps: [app], stop: () => app.stop() };
};

export const startDistributed = async ({ work, projectors = 2, env, log }: TopologyOptions): Promise<Topology> => {
  const services: Service[] = [];
  const apps: BenchApp[] = [];
  const stop = async () => {
    // Apps first (they would log connection errors otherwise), then the services.
    for (const app of [...apps].reverse()) await app.stop().catch(() => undefined);
    for (const service of services.reverse()) {
      try {
        service.purge();
      } catch (error) {
        log(`stopping a service failed: ${String(error)}`);
      }
    }
  };
  try {
    services.push(postgresIn(join(work, 'pg')));
    services.push(kafkaIn(join(work, 'kafka')));
    const [pg, kafka] = services as [Service, Service];
    const shared = { ...BASE_ENV, EVENT_STORE: 'postgres', BUS: 'kafka', DATABASE_URL: pg.url, KAFKA_BROKERS: kafka.url, DATA_DIR: join(work, 'data'), ...env };
    const logDir = join(work, 'logs');
    const start = async (name: string, entry: string) => {
      const app = await startBenchApp(name, entry, { env: shared, logDir });
      apps.push(app);
      log(`${name} on ${app.url} (pid ${app.pid})`);
      return app;
    };
    // The command API creates the schema; the others find it there.
    const command = await start('command-api', APPS.commandApi);
    await start('relay', APPS.relay);
    for (let i = 1; i <= projectors; i++) await start(`projector-${i}`, APPS.projector);
    const query = await start('query-api', APPS.queryApi);
    return { mode: 'kafka', writeUrl: command.url, readUrl: query.url, apps, stop };
  } catch (error) {
    await stop();
    throw error;
  }
};
