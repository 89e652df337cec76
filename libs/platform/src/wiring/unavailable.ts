import { EventStoreUnavailable } from '@poc/event-store';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '53300']);

/** A database that is down or restarting, as opposed to a bad request or a bug. */
export const isUnavailable = (error: unknown): boolean => {
  if (error instanceof EventStoreUnavailable) return true;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|Client has encountered a connection error|terminating connection/i.test(message);
};
