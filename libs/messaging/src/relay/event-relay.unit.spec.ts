import type { Producer } from 'kafkajs';
import type { StoredEvent } from '@poc/domain';
import type { EventStore } from '@poc/event-store';
import { EventRelay } from './event-relay';
import type { RelayCheckpoints, RelayLease } from './relay.ports';

const event = (position: number): StoredEvent => ({
  id: `e-${position}`,
  type: 'IncidentReported',
  schemaVersion: 1,
  streamId: `incident-${position}`,
  streamVersion: 1,
  position,
  occurredAt: '2020-03-05T09:30:00.000Z',
  recordedAt: '2020-03-05T09:31:00.000Z',
  data: {},
  metadata: { actor: 'ops-1', role: 'ops', correlationId: 'c' },
});

/** An event store holding `events`, to which a test appends more; followAll wakes on append. */
const storeOf = (events: StoredEvent[]) => {
  const listeners = new Set<(p: number) => void>();
  const store = {
    readAll: async ({ fromPosition = 0, limit = 1000 }: { fromPosition?: number; limit?: number }) => events.filter((e) => e.position > fromPosition).slice(0, limit),
    onAppended: (listener: (p: number) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as EventStore;
  return { store, append: (e: StoredEvent) => (events.push(e), listeners.forEach((l) => l(e.position))) };
};

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
};

const lease: RelayLease = { acquire: async () => undefined, lost: new Promise(() => undefined), release: async () => undefined };

describe('EventRelay checkpoints', () => {
  it('keeps publishing while a checkpoint is being saved, and saves the last published position by stop', async () => {
    const { store, append } = storeOf([event(1), event(2)]);
    const published: number[] = [];
    const producer = { send: async ({ messages }: { messages: { headers: { position: string } }[] }) => void published.push(...messages.map((m) => Number(m.headers.position))) } as unknown as Producer;
    const saved: number[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const checkpoints: RelayCheckpoints = {
      load: async () => 0,
      // The first save hangs (a slow commit): the relay must not wait for it to publish more.
      save: async (position) => {
        if (saved.length === 0) await slow;
        saved.push(position);
      },
    };
    const relay = new EventRelay(store, producer, 'poc.events', checkpoints, lease, () => undefined);
    await relay.start();
    await until(() => published.length === 2);
    append(event(3));
    await until(() => published.length === 3);
    expect(saved).toEqual([]);
    expect(relay.status.position).toBe(3);
    release();
    await relay.stop();
    // Only ever forward, and the last published position is there before the lease goes.
    expect(saved[saved.length - 1]).toBe(3);
    expect([...saved].sort((a, b) => a - b)).toEqual(saved);
  });

  it('a failed save is tried again with the next batch, and at stop', async () => {
    const { store, append } = storeOf([event(1)]);
    const producer = { send: async () => undefined } as unknown as Producer;
    const saved: number[] = [];
    let failures = 1;
    const checkpoints: RelayCheckpoints = {
      load: async () => 0,
      save: async (position) => {
        if (failures-- > 0) throw new Error('database unavailable');
        saved.push(position);
      },
    };
    const relay = new EventRelay(store, producer, 'poc.events', checkpoints, lease, () => undefined);
    await relay.start();
    await until(() => relay.status.lastError === 'database unavailable');
    expect(saved).toEqual([]);
    append(event(2));
    await until(() => saved.includes(2));
    await relay.stop();
    expect(saved[saved.length - 1]).toBe(2);
  });
});
