import type { Command, Decider, DomainEvent, StoredEvent } from '@poc/domain';
import { assertExpectedVersion, type AppendOptions, type EventStore, type EventToAppend } from './event-store.port';
import { handleCommand } from './handle-command';

// A counter: `Open` only on a new stream, `Bump` on an open one. Enough to see what was read.
type Opened = DomainEvent<'Opened', { n: number }>;
type Bumped = DomainEvent<'Bumped', { n: number }>;
type Counter = { open: boolean; n: number };
type Cmd = Command<'Open', Record<string, never>> | Command<'Bump', Record<string, never>>;

const counter: Decider<Counter, Cmd, Opened | Bumped> = {
  initialState: () => ({ open: false, n: 0 }),
  evolve: (s, e) => ({ open: true, n: e.data.n }),
  decide: (c, s) => {
    const occurredAt = '2026-01-01T00:00:00.000Z';
    if (c.type === 'Open') return s.open ? [] : [{ type: 'Opened', data: { n: 0 }, occurredAt }];
    return [{ type: 'Bumped', data: { n: s.n + 1 }, occurredAt }];
  },
};

/** A fake of the store's append/read semantics, to see which reads `handleCommand` makes. */
const memoryStore = () => {
  const streams = new Map<string, StoredEvent[]>();
  const reads: string[] = [];
  let position = 0;
  const store = {
    readStream: async (id: string) => (reads.push(id), [...(streams.get(id) ?? [])]),
    append: async (id: string, events: readonly EventToAppend[], options: AppendOptions = {}) => {
      const stream = streams.get(id) ?? [];
      assertExpectedVersion(id, options.expectedVersion ?? 'any', stream.length);
      const stored = events.map((e) => ({ ...e, id: `e${++position}`, streamId: id, streamVersion: stream.length + 1, position, recordedAt: e.occurredAt }) as unknown as StoredEvent);
      streams.set(id, [...stream, ...stored]);
      return { streamId: id, nextVersion: stream.length + stored.length, lastPosition: position, events: stored, replayed: false };
    },
  } as unknown as EventStore;
  return { store, streams, reads };
};

const metadata = { actor: 'test', role: 'ops', correlationId: 'c1' } as const;
const open = { type: 'Open', data: {} } as unknown as Cmd;

describe('handleCommand with newStream', () => {
  it('decides on the initial state and appends without reading the stream', async () => {
    const { store, streams, reads } = memoryStore();
    const result = await handleCommand(store, counter, 'counter-1', open, { metadata, newStream: true });
    expect(reads).toEqual([]);
    expect(result.nextVersion).toBe(1);
    expect(streams.get('counter-1')!.map((e) => e.type)).toEqual(['Opened']);
  });

  it('falls back to reading and deciding again when the stream exists after all', async () => {
    const { store, streams, reads } = memoryStore();
    await handleCommand(store, counter, 'counter-1', open, { metadata });
    const result = await handleCommand(store, counter, 'counter-1', open, { metadata, newStream: true });
    // Decided again on the real history: already open, so nothing more is appended.
    expect(reads).toEqual(['counter-1', 'counter-1']);
    expect(result.nextVersion).toBe(1);
    expect(streams.get('counter-1')).toHaveLength(1);
  });

  it('reads first without the option', async () => {
    const { store, reads } = memoryStore();
    await handleCommand(store, counter, 'counter-2', open, { metadata });
    expect(reads).toEqual(['counter-2']);
  });
});
