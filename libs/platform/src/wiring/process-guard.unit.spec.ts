import { handleEscaped, isTransientFault } from './process-guard';

const sink = () => {
  const said: string[] = [];
  const exits: number[] = [];
  return { said, exits, warn: (m: string) => said.push(`warn ${m}`), error: (m: string) => said.push(`error ${m}`), exit: (c: number) => exits.push(c) };
};
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const kafkaError = (name: string) => Object.assign(new Error('broker away'), { name });

describe('the process guard', () => {
  it.each([
    ['PostgreSQL shut down by the administrator (57P01)', pgError('57P01', 'terminating connection due to administrator command')],
    ['a connection exception (08006)', pgError('08006')],
    ['a reset socket', pgError('ECONNRESET')],
    ['a connection terminated unexpectedly', new Error('Connection terminated unexpectedly')],
    ['a broker connection error', kafkaError('KafkaJSConnectionError')],
    ['a broker request timeout', kafkaError('KafkaJSRequestTimeoutError')],
  ])('carries on after %s', (_, error) => {
    const s = sink();
    expect(isTransientFault(error)).toBe(true);
    expect(handleEscaped(error, 'uncaughtException', s)).toBe('carried-on');
    expect(s.exits).toEqual([]);
    expect(s.said[0]).toMatch(/^warn uncaughtException: transient fault/);
  });

  it.each([
    ['a TypeError (a bug)', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a unique violation (a bug, not the network)', pgError('23505', 'duplicate key')],
    ['a rejection with a string', 'boom'],
    ['a kafkajs error that is not about the connection', kafkaError('KafkaJSNonRetriableError')],
  ])('exits 1 on %s, saying why', (_, error) => {
    const s = sink();
    expect(isTransientFault(error)).toBe(false);
    expect(handleEscaped(error, 'unhandledRejection', s)).toBe('exiting');
    expect(s.exits).toEqual([1]);
    expect(s.said[0]).toMatch(/^error unhandledRejection: unrecoverable/);
  });
});
