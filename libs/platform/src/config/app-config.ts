import { z } from 'zod';
import { rateLimitSetting } from '../auth/rate-limit-setting';

/**
 * Configuration comes from the environment only, validated once at start so a bad value
 * stops the process with a message naming it instead of failing later at a request.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  API_KEYS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long `?minPosition=` may wait for the read models, in ms. */
  MIN_POSITION_WAIT_MS: z.coerce.number().int().min(0).max(30_000).default(5_000),
  EVENT_STORE: z.enum(['sqlite', 'postgres']).default('sqlite'),
  BUS: z.enum(['inprocess', 'kafka']).default('inprocess'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }).optional(),
  /** Comma-separated host:port list. */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[^,\s:]+:\d+(,[^,\s:]+:\d+)*$/, 'KAFKA_BROKERS must be host:port[,host:port…]')
    .optional(),
  KAFKA_TOPIC: z.string().regex(/^[a-zA-Z0-9._-]+$/).default('poc.events'),
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(256).default(6),
  KAFKA_CLIENT_ID: z.string().default('poc'),
  PROJECTOR_GROUP: z.string().default('poc-projector'),
  /**
   * POST /alerts per API key, `<limit>/<window>` or `off`. 120 a minute: an operator typing
   * an alert takes half a minute or more, so even a console shared by a room of ten stays
   * near 20 a minute, and a console that reconnects after a satellite drop and sends its
   * queued alerts at once fits; a script flooding with a stolen key is cut off within a minute.
   */
  ALERTS_RATE_LIMIT: rateLimitSetting('120/60s'),
  /**
   * /health of the apps that serve or build read models answers 503 when the read models are
   * behind the store and have not moved for this long (ms): nothing applies events any more.
   */
  READ_MODELS_STALL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
}).superRefine((config, ctx) => {
  if (config.EVENT_STORE === 'postgres' && !config.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when EVENT_STORE=postgres' });
  }
  if (config.BUS === 'kafka' && !config.KAFKA_BROKERS) {
    ctx.addIssue({ code: 'custom', path: ['KAFKA_BROKERS'], message: 'is required when BUS=kafka' });
  }
  if (config.BUS === 'kafka' && config.EVENT_STORE !== 'postgres') {
    ctx.addIssue({ code: 'custom', path: ['BUS'], message: 'kafka needs EVENT_STORE=postgres (separate processes share the store)' });
  }
});

/** Injection token of the loaded AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export type AppConfig = z.infer<typeof schema>;

export class ConfigError extends Error {}

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): AppConfig => {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return parsed.data;
};
