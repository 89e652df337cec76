import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { CommandApiModule } from '../../apps/command-api/src/command-api.module';
import { ProjectorModule } from '@poc/platform/projector';
import { QueryApiModule } from '../../apps/query-api/src/query-api.module';
import { RelayModule } from '../../apps/relay/src/relay.module';
import { bearer, startInProcessApp, type InProcessApp } from '../support/in-process-app';
import { COMMAND_ROUTES, PLATFORM_ROUTES, QUERY_ROUTES, RELAY_ROUTES, type RouteRow } from './route-table';
import type { Created, Writer } from './route-table.requests';

export type CompositionName = 'all-in-one' | 'command-api' | 'query-api' | 'projector' | 'relay';

/** Each app as its main.ts composes it, with the rows of the routes it serves. */
export const COMPOSITIONS: readonly { name: CompositionName; routes: readonly RouteRow[] }[] = [
  { name: 'all-in-one', routes: [...PLATFORM_ROUTES, ...COMMAND_ROUTES, ...QUERY_ROUTES] },
  { name: 'command-api', routes: [...PLATFORM_ROUTES, ...COMMAND_ROUTES] },
  { name: 'query-api', routes: [...PLATFORM_ROUTES, ...QUERY_ROUTES] },
  { name: 'projector', routes: PLATFORM_ROUTES },
  { name: 'relay', routes: [...PLATFORM_ROUTES, ...RELAY_ROUTES] },
];

export type Running = Readonly<{
  app: (name: CompositionName) => InProcessApp;
  /** Where a composition's setups create things: itself, or the command-api next to it. */
  writer: (name: CompositionName) => Writer;
  close: () => Promise<void>;
}>;

const writerOn = (running: InProcessApp): Writer => ({
  create: async (url, body) => {
    const response = await running.app.inject({ method: 'POST', url, headers: bearer('admin'), payload: body });
    if (response.statusCode !== 201) throw new Error(`setup: POST ${url} answered ${response.statusCode} ${response.body}`);
    return response.json<Created>();
  },
});

const noWriter: Writer = {
  create: () => Promise.reject(new Error('this composition has no write side: its rows must not need a setup')),
};

/**
 * The embedded default on its own SQLite file, and the distributed apps as they are deployed
 * (EVENT_STORE=postgres, BUS=kafka) on a fresh database and topic of this run: command-api
 * writes, the relay publishes, the projector builds the read models query-api reads.
 */
export const startCompositions = async (): Promise<Running> => {
  const started: InProcessApp[] = [];
  const suffix = randomBytes(5).toString('hex');
  const database = `roles_${suffix}`;
  const serverUrl = process.env.DATABASE_URL;
  const brokers = process.env.KAFKA_BROKERS;
  if (!serverUrl || !brokers) throw new Error('DATABASE_URL and KAFKA_BROKERS must be set: the int tier starts PostgreSQL and Kafka');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  };
  const closeAll = async () => {
    for (const running of started.reverse()) await running.close().catch(() => undefined);
    await dropDatabase();
  };
  try {
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    const distributed = {
      EVENT_STORE: 'postgres',
      DATABASE_URL: url.toString(),
      BUS: 'kafka',
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC: `poc.roles.${suffix}`,
      KAFKA_PARTITIONS: '2',
      PROJECTOR_GROUP: `poc-roles-${suffix}`,
    };
    const start = async (...args: Parameters<typeof startInProcessApp>) => {
      const running = await startInProcessApp(...args);
      started.push(running);
      return running;
    };
    // One after another: each creates the schema and topics it needs if missing.
    const apps: Record<CompositionName, InProcessApp> = {
      'all-in-one': await start((config) => [CommandApiModule, QueryApiModule, ProjectorModule.forRoot(config.BUS)]),
      'command-api': await start(() => [CommandApiModule], distributed),
      relay: await start(() => [RelayModule], distributed),
      projector: await start((config) => [ProjectorModule.forRoot(config.BUS)], distributed),
      'query-api': await start(() => [QueryApiModule], distributed),
    };
    const writers: Record<CompositionName, Writer> = {
      'all-in-one': writerOn(apps['all-in-one']),
      'command-api': writerOn(apps['command-api']),
      'query-api': writerOn(apps['command-api']),
      projector: noWriter,
      relay: noWriter,
    };
    return { app: (name) => apps[name], writer: (name) => writers[name], close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
};

const TREE_LINE = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Fastify's own route table (`printRoutes` is its only public listing), as `METHOD /path`
 * with `{param}` templates. HEAD is left out where Fastify added it to a GET route.
 */
export const fastifyRoutes = (app: NestFastifyApplication): string[] => {
  const tree = app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false });
  const prefixes: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n').filter((l) => l.trim() !== '')) {
    const match = TREE_LINE.exec(line);
    if (!match) throw new Error(`unexpected line in Fastify's route tree: ${JSON.stringify(line)}`);
    const depth = match[1]!.length / 4;
    const path = (prefixes[depth - 1] ?? '') + match[2]!;
    prefixes[depth] = path;
    prefixes.length = depth + 1;
    const methods = match[3]?.split(', ') ?? [];
    for (const method of methods) {
      if (method === 'HEAD' && methods.includes('GET')) continue;
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes;
};

/** What the app's OpenAPI document says it serves. */
export const openApiRoutes = async (app: NestFastifyApplication): Promise<string[]> => {
  const response = await app.inject({ method: 'GET', url: '/docs-json' });
  const document = response.json<{ paths: Record<string, Record<string, unknown>> }>();
  return Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
};

/** Both listings together: a route missing from either still has to have a row. */
export const servedRoutes = async (app: NestFastifyApplication): Promise<string[]> =>
  [...new Set([...fastifyRoutes(app), ...(await openApiRoutes(app))])].sort();
