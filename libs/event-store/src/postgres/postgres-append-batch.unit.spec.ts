import { IdempotencyKeyReused, WrongExpectedVersion, type AppendOptions } from '../event-store.port';
import { anEvent, someEvents } from '@poc/event-store/testing';
import { decideGroup, prepareRequest, toGroupHead, UntranslatableCharacter, type AppendRequest, type GroupHead } from './postgres-append-batch';
import type { IdempotencyRow } from './postgres-rows';

const request = (streamId: string, count: number, options: AppendOptions = {}): AppendRequest => prepareRequest(streamId, someEvents(count), options);

const head = (lastPosition: number, streams: Record<string, [number, number]> = {}, claims: IdempotencyRow[] = []): GroupHead => ({
  lastPosition,
  streams: new Map(Object.entries(streams).map(([id, [version, position]]) => [id, { version, position }])),
  claims: new Map(claims.map((c) => [c.key, c])),
});

const clock = () => '2024-05-01T10:00:00.000Z';

describe('decideGroup', () => {
  it('numbers a group after the last position, each stream after its head and the group’s earlier appends', () => {
    const group = decideGroup(
      [request('a', 2, { expectedVersion: 3 }), request('b', 1, { expectedVersion: 'no-stream' }), request('a', 1, { expectedVersion: 5 })],
      head(10, { a: [3, 9] }),
      clock,
    );
    expect(group.decisions.map((d) => d.kind)).toEqual(['written', 'written', 'written']);
    const events = group.appends.flatMap((a) => a.events);
    expect(events.map((e) => [e.streamId, e.streamVersion, e.position])).toEqual([
      ['a', 4, 11],
      ['a', 5, 12],
      ['b', 1, 13],
      ['a', 6, 14],
    ]);
    expect(group.lastPosition).toBe(14);
    expect(group.eventRows.map((row) => row.event.position)).toEqual([11, 12, 13, 14]);
    expect(group.eventRows[0]!.dataJson).toBe(JSON.stringify(group.eventRows[0]!.event.data));
  });

  it('refuses one append without changing what the others see', () => {
    const group = decideGroup(
      [request('a', 1, { expectedVersion: 'no-stream' }), request('a', 1, { expectedVersion: 7 }), request('a', 1, { expectedVersion: 1 })],
      head(0),
      clock,
    );
    expect(group.decisions[1]).toMatchObject({ kind: 'refused', error: expect.any(WrongExpectedVersion) });
    expect(group.decisions[1]).toMatchObject({ error: { expected: 7, actual: 1 } });
    expect(group.decisions[2]).toMatchObject({ kind: 'written', result: { nextVersion: 2, lastPosition: 2 } });
  });

  it('replays a key claimed earlier in the group, refuses it with another hash, and leaves a failed claim free', () => {
    const group = decideGroup(
      [
        request('a', 1, { expectedVersion: 4, idempotency: { key: 'k', requestHash: 'h-0' } }), // fails: the key stays free
        request('a', 2, { idempotency: { key: 'k', requestHash: 'h' } }),
        request('a', 2, { idempotency: { key: 'k', requestHash: 'h' } }),
        request('a', 2, { idempotency: { key: 'k', requestHash: 'other' } }),
      ],
      head(0),
      clock,
    );
    const [failed, first, again, reused] = group.decisions;
    expect(failed).toMatchObject({ kind: 'refused', error: expect.any(WrongExpectedVersion) });
    expect(first).toMatchObject({ kind: 'written', result: { nextVersion: 2, replayed: false } });
    expect(again).toEqual({ kind: 'same', result: { ...(first as { result: object }).result, replayed: true } });
    expect(reused).toMatchObject({ kind: 'refused', error: expect.any(IdempotencyKeyReused) });
    expect(group.claimRows).toEqual([expect.objectContaining({ key: 'k', request_hash: 'h', first_position: 1, last_position: 2 })]);
    expect(group.lastPosition).toBe(2);
  });

  it('sends a key stored by an earlier transaction to a replay, whatever the expected version', () => {
    const stored: IdempotencyRow = {
      key: 'k',
      request_hash: 'h',
      stream_id: 'a',
      first_position: 3,
      last_position: 4,
      next_version: 2,
      created_at: clock(),
    };
    const group = decideGroup([request('a', 2, { expectedVersion: 'no-stream', idempotency: { key: 'k', requestHash: 'h' } })], head(9, { a: [2, 4] }, [stored]), clock);
    expect(group.decisions).toEqual([{ kind: 'replay', claim: stored }]);
    expect(group.appends).toEqual([]);
  });

  it('reads the clock once per group, and lets an empty append write only its key', () => {
    let reads = 0;
    const group = decideGroup(
      [request('a', 1), request('b', 1), request('a', 0, { expectedVersion: 1, idempotency: { key: 'k', requestHash: 'h' } }), request('c', 0)],
      head(5),
      () => `t${++reads}`,
    );
    expect(reads).toBe(1);
    expect(group.appends.flatMap((a) => a.events).map((e) => e.recordedAt)).toEqual(['t1', 't1']);
    expect(group.decisions[2]).toMatchObject({ kind: 'written', result: { nextVersion: 1, lastPosition: 6, events: [] } });
    expect(group.decisions[3]).toMatchObject({ kind: 'same', result: { nextVersion: 0, lastPosition: 0 } });
    expect(group.claimRows).toEqual([expect.objectContaining({ first_position: null, last_position: 6 })]);
  });

  it('reads the head row in the order the streams were asked for', () => {
    const parsed = toGroupHead({ last_position: '12', heads: [[3, 12], [null, null]], claims: [] }, ['a', 'b']);
    expect(parsed.lastPosition).toBe(12);
    expect([...parsed.streams]).toEqual([['a', { version: 3, position: 12 }]]);
  });
});

describe('prepareRequest', () => {
  const event = anEvent('Happened', { text: 'ok' });

  it.each<[string, () => AppendRequest]>([
    ['the stream id', () => prepareRequest('a\u0000b', [event], {})],
    ['an event type', () => prepareRequest('a', [{ ...event, type: 'T\u0000' }], {})],
    ['occurredAt', () => prepareRequest('a', [{ ...event, occurredAt: '\u0000' }], {})],
    ['recordedAt', () => prepareRequest('a', [event], { recordedAt: '\u0000' })],
    ['the idempotency key', () => prepareRequest('a', [event], { idempotency: { key: 'k\u0000', requestHash: 'h' } })],
    ["an event's data", () => prepareRequest('a', [anEvent('A', { deep: ['x', { y: 'a\u0000b' }] })], {})],
    ["an event's metadata", () => prepareRequest('a', [{ ...event, metadata: { ...event.metadata, actor: '\u0000' } }], {})],
  ])('refuses U+0000 in %s as PostgreSQL would (22P05)', (field, prepare) => {
    expect(prepare).toThrow(UntranslatableCharacter);
    expect(prepare).toThrow(field);
  });

  it('accepts the text \\u0000 (a backslash, then u0000) and other control characters', () => {
    const prepared = prepareRequest('a', [anEvent('A', { text: '\\u0000 \\\\u0000 \u0001 \n' })], {});
    expect(prepared.events[0]!.data).toEqual({ text: '\\u0000 \\\\u0000 \u0001 \n' });
  });
});
