import { Logger } from '@nestjs/common';
import { isUnavailable } from './unavailable';

/** kafkajs' errors of a broker being away; the clients reconnect by themselves. */
const KAFKA_CONNECTION_ERRORS = new Set(['KafkaJSConnectionError', 'KafkaJSConnectionClosedError', 'KafkaJSRequestTimeoutError', 'KafkaJSBrokerNotFound']);

/**
 * A fault of something outside the process that its clients recover from on their own: a
 * database restarting, a dropped socket, a broker away. Anything else is a bug or a state the
 * process cannot trust any more.
 */
export const isTransientFault = (error: unknown): boolean => {
  if (isUnavailable(error)) return true;
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' && KAFKA_CONNECTION_ERRORS.has(name);
};

export type GuardOutcome = 'carried-on' | 'exiting';

/**
 * What the process-wide guard does with an error nothing else caught: a transient fault is
 * logged and the process carries on (its clients reconnect: an 'error' event of a dead
 * connection is the typical case); anything else is logged and the process exits 1, so a
 * supervisor (systemd, Docker's restart policy) starts a clean one.
 */
export const handleEscaped = (
  error: unknown,
  origin: string,
  sink: { warn: (m: string) => void; error: (m: string) => void; exit: (code: number) => void },
): GuardOutcome => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (isTransientFault(error)) {
    sink.warn(`${origin}: transient fault, carrying on (${text})`);
    return 'carried-on';
  }
  sink.error(`${origin}: unrecoverable, exiting for the supervisor to restart (${error instanceof Error ? (error.stack ?? text) : text})`);
  sink.exit(1);
  return 'exiting';
};

let installed = false;

/** Installed once per process, before anything connects. */
export const installProcessGuard = (title: string): void => {
  if (installed) return;
  installed = true;
  const logger = new Logger(`${title}:guard`);
  const sink = { warn: (m: string) => logger.warn(m), error: (m: string) => logger.error(m), exit: (code: number) => process.exit(code) };
  process.on('uncaughtException', (error, origin) => void handleEscaped(error, origin, sink));
  process.on('unhandledRejection', (reason) => void handleEscaped(reason, 'unhandledRejection', sink));
};
