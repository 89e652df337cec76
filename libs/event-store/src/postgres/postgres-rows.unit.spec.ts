import { EventStoreUnavailable, WrongExpectedVersion } from '../event-store.port';
import { mapPostgresError } from './postgres-rows';

const withCode = (code: string, message = `failed with ${code}`) => Object.assign(new Error(message), { code });

describe('mapPostgresError', () => {
  it.each([
    ['ECONNREFUSED', withCode('ECONNREFUSED')],
    ['ECONNRESET', withCode('ECONNRESET')],
    ['ETIMEDOUT', withCode('ETIMEDOUT')],
    ['57P01 admin shutdown', withCode('57P01')],
    ['57P03 cannot connect now', withCode('57P03')],
    ['08006 connection failure', withCode('08006')],
    ['08P01 protocol violation', withCode('08P01')],
    ['53100 disk full', withCode('53100')],
    ['55P03 lock timeout', withCode('55P03')],
    ['57014 statement timeout', withCode('57014')],
    ['25006 read-only (a standby)', withCode('25006')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a broken client', new Error('Client has encountered a connection error and is not queryable')],
    ["happy eyeballs' AggregateError", new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'x')],
    ['a wrapped cause', new Error('outer', { cause: withCode('ECONNRESET') })],
  ])('maps %s to EventStoreUnavailable, keeping the cause', (_, error) => {
    const mapped = mapPostgresError(error);
    expect(mapped).toBeInstanceOf(EventStoreUnavailable);
    expect((mapped as Error).cause).toBe(error);
  });

  it.each([
    ['23505 unique violation', withCode('23505')],
    ['22P05 untranslatable character', withCode('22P05')],
    ['42P01 undefined table', withCode('42P01')],
    ['a TypeError', new TypeError('Do not know how to serialize a BigInt')],
    ['WrongExpectedVersion', new WrongExpectedVersion('a-1', 1, 2)],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('passes %s through unchanged', (_, error) => {
    expect(mapPostgresError(error)).toBe(error);
  });
});
