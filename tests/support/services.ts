import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './app-process';

/**
 * The test's own PostgreSQL and Kafka, from infra/ scripts, so a fault test can stop and
 * restart them without disturbing anything else. Restarting keeps the same dir and ports.
 */
const script = (path: string, args: string[]): string =>
  execFileSync('bash', [join(ROOT, path), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 240_000 });

const valueOf = (output: string, name: string): string => {
  const line = output.split('\n').find((l) => l.startsWith(`${name}=`));
  if (!line) throw new Error(`no ${name}= in:\n${output}`);
  return line.slice(name.length + 1).trim();
};

export type Service = Readonly<{ url: string; start: () => string; stop: () => void; purge: () => void }>;

export const postgresIn = (dir: string): Service => {
  const start = () => valueOf(script('infra/postgres/start.sh', [dir]), 'DATABASE_URL');
  return { url: start(), start, stop: () => void script('infra/postgres/stop.sh', [dir]), purge: () => void script('infra/postgres/stop.sh', [dir, '--purge']) };
};

export const kafkaIn = (dir: string): Service => {
  const start = () => valueOf(script('infra/kafka/start.sh', [dir]), 'KAFKA_BROKERS');
  return { url: start(), start, stop: () => void script('infra/kafka/stop.sh', [dir]), purge: () => void script('infra/kafka/stop.sh', [dir, '--purge']) };
};
