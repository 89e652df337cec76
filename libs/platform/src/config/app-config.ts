import { z } from 'zod';

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
});

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
