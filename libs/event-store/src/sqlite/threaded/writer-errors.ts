import { EventStoreUnavailable, IdempotencyKeyReused, WrongExpectedVersion, type ExpectedVersion } from '../../event-store.port';

/** An error as it crosses between threads: its class by name, and the fields callers read. */
export type EncodedError = Readonly<{
  name: string;
  message: string;
  code?: string;
  streamId?: string;
  expected?: ExpectedVersion;
  actual?: number;
  key?: string;
  cause?: EncodedError;
}>;

export const encodeError = (error: unknown): EncodedError => {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const e = error as Error & Partial<Record<'code' | 'streamId' | 'key', unknown>> & { expected?: unknown; actual?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof e.code === 'string' && { code: e.code }),
    ...(error instanceof WrongExpectedVersion && { streamId: error.streamId, expected: error.expected, actual: error.actual }),
    ...(error instanceof IdempotencyKeyReused && { key: error.key }),
    ...(error.cause !== undefined && { cause: encodeError(error.cause) }),
  };
};

/**
 * The same error again, as an instance of the same class of this thread, so callers (the
 * HTTP layer's `instanceof`) map it exactly as if the store had run here: WrongExpectedVersion
 * → 409, IdempotencyKeyReused → 422, EventStoreUnavailable → 503. Anything else (a bug, a
 * constraint SQLite refused) comes back as an Error with the same name, message and code.
 */
export const reviveError = (encoded: EncodedError): Error => {
  const cause = encoded.cause && reviveError(encoded.cause);
  let error: Error;
  switch (encoded.name) {
    case 'WrongExpectedVersion':
      error = new WrongExpectedVersion(encoded.streamId!, encoded.expected!, encoded.actual!);
      break;
    case 'IdempotencyKeyReused':
      error = new IdempotencyKeyReused(encoded.key!);
      break;
    case 'EventStoreUnavailable':
      error = new EventStoreUnavailable(encoded.message, cause ? { cause } : undefined);
      break;
    case 'RangeError':
      error = new RangeError(encoded.message, cause ? { cause } : undefined);
      break;
    case 'TypeError':
      error = new TypeError(encoded.message, cause ? { cause } : undefined);
      break;
    default:
      error = new Error(encoded.message, cause ? { cause } : undefined);
      error.name = encoded.name;
  }
  if (encoded.code !== undefined) Object.assign(error, { code: encoded.code });
  return error;
};
