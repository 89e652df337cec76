import type { EventMetadata } from '@poc/domain';
import type { EventStore, EventToAppend } from '../event-store.port';

export type EventStoreFactory = () => Promise<{ store: EventStore; teardown: () => Promise<void> }>;

/** Filled in before each test by the contract's `beforeEach`. */
export type ContractContext = { store: EventStore };

export const metadata = (overrides: Partial<EventMetadata> = {}): EventMetadata => ({
  actor: 'operator-1',
  role: 'operator',
  correlationId: 'corr-1',
  ...overrides,
});

export const anEvent = (type = 'Happened', data: unknown = { n: 0 }, overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  type,
  data,
  occurredAt: '2024-05-01T10:00:00.000Z',
  metadata: metadata(),
  ...overrides,
});

/** `count` events whose data is `{ n: from }`, `{ n: from + 1 }`, … */
export const someEvents = (count: number, from = 1): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => anEvent(`Happened${from + i}`, { n: from + i }));

/** The error a promise rejects with; fails the test when it resolves. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );

export const waitFor = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

export const positionsOf = (events: readonly { position: number }[]): number[] => events.map((e) => e.position);

export const isStrictlyIncreasing = (values: readonly number[]): boolean => values.every((v, i) => i === 0 || v > values[i - 1]!);
