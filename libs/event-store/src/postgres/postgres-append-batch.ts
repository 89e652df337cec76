import { randomUUID } from 'node:crypto';
import type { StoredEvent } from '@poc/domain';
import {
  assertExpectedVersion,
  IdempotencyKeyReused,
  type AppendOptions,
  type AppendResult,
  type EventToAppend,
} from '../event-store.port';
import { toPosition, type IdempotencyRow } from './postgres-rows';

/** An event ready to be written: serialised before it joins a group, so bad data fails alone. */
export type PreparedEvent = Readonly<{
  id: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  data: unknown;
  metadata: StoredEvent['metadata'];
  /** The JSON text of `data` and `metadata`, kept so the write does not serialise them again. */
  dataJson: string;
  metadataJson: string;
}>;

export type AppendRequest = Readonly<{ streamId: string; events: readonly PreparedEvent[]; options: AppendOptions }>;

/**
 * PostgreSQL's own answer to U+0000 in a text or JSONB value (SQLSTATE 22P05), given before
 * the append joins a group: a bad request, not an outage, and the rest of the group is not
 * held up by it.
 */
export class UntranslatableCharacter extends Error {
  readonly code = '22P05';
  constructor(field: string) {
    super(`${field} contains U+0000, which PostgreSQL cannot store in text or JSONB`);
    this.name = 'UntranslatableCharacter';
  }
}

/** U+0000 as JSON.stringify writes it: `\u0000` after an even number of backslashes. */
const ESCAPED_NUL = /(?:^|[^\\])(?:\\\\)*\\u0000/;

/** The append as the group commit takes it: serialised, and refused here if PostgreSQL could not store it. */
export const prepareRequest = (streamId: string, events: readonly EventToAppend[], options: AppendOptions): AppendRequest => {
  const prepared = events.map(prepareEvent);
  const texts: [string, unknown][] = [
    ['the stream id', streamId],
    ['recordedAt', options.recordedAt],
    ['the idempotency key', options.idempotency?.key],
    ['the request hash', options.idempotency?.requestHash],
  ];
  for (const e of prepared) texts.push(['an event type', e.type], ['occurredAt', e.occurredAt]);
  for (const [field, text] of texts) if (typeof text === 'string' && text.includes('\u0000')) throw new UntranslatableCharacter(field);
  for (const e of prepared) {
    for (const [field, json] of [['data', e.dataJson], ['metadata', e.metadataJson]] as const) {
      if (json.includes('\\u0000') && ESCAPED_NUL.test(json)) throw new UntranslatableCharacter(`an event's ${field}`);
    }
  }
  return { streamId, events: prepared, options };
};

const prepareEvent = (event: EventToAppend): PreparedEvent => {
  // A round trip through JSON: fails here on unserialisable data (a BigInt), and gives the
  // caller back exactly what a reader will get (a copy, not the caller's object).
  const dataJson = JSON.stringify(event.data ?? null);
  const metadataJson = JSON.stringify(event.metadata);
  return {
    id: randomUUID(),
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    occurredAt: event.occurredAt,
    data: JSON.parse(dataJson) as unknown,
    metadata: JSON.parse(metadataJson) as StoredEvent['metadata'],
    dataJson,
    metadataJson,
  };
};

/** What the head read returned, under the append lock. */
export type GroupHead = Readonly<{
  lastPosition: number;
  /** Version and last position of each stream of the group (absent: no such stream). */
  streams: ReadonlyMap<string, Readonly<{ version: number; position: number }>>;
  /** Idempotency keys of the group that are already stored. */
  claims: ReadonlyMap<string, IdempotencyRow>;
}>;

/**
 * The outcome of one append of a group. `written` and `same` are final once the group's
 * transaction commits; `replay` still has to read the stored events of an earlier request.
 */
export type Decision =
  | Readonly<{ kind: 'written' | 'same'; result: AppendResult }>
  | Readonly<{ kind: 'replay'; claim: IdempotencyRow }>
  | Readonly<{ kind: 'refused'; error: unknown }>;

export type EventRowInput = Readonly<{ event: StoredEvent; dataJson: string; metadataJson: string }>;

export type DecidedGroup = Readonly<{
  decisions: readonly Decision[];
  /** The rows to insert: events (with their serialised data) and idempotency keys. */
  eventRows: readonly EventRowInput[];
  claimRows: readonly IdempotencyRow[];
  /** The appends that write something (events or a key), for the `beforeCommit` seam. */
  appends: readonly Readonly<{ streamId: string; events: readonly StoredEvent[] }>[];
  /** The global last position once the group is committed. */
  lastPosition: number;
}>;

/**
 * Decides every append of a group, in arrival order, as if each ran alone right after the
 * ones before it: each is checked against its stream's head including the earlier appends
 * of the group, and against idempotency keys stored or claimed earlier in the group. A
 * refused append writes nothing and changes nothing for the ones after it. Pure: the
 * caller reads `head` under the append lock and passes the clock (read once per group).
 */
export const decideGroup = (requests: readonly AppendRequest[], head: GroupHead, now: () => string): DecidedGroup => {
  const streams = new Map(head.streams);
  const claimedInGroup = new Map<string, Readonly<{ requestHash: string; streamId: string; result: AppendResult }>>();
  const eventRows: EventRowInput[] = [];
  const claimRows: IdempotencyRow[] = [];
  const appends: { streamId: string; events: readonly StoredEvent[] }[] = [];
  let last = head.lastPosition;
  let clock: string | undefined;

  const decide = ({ streamId, events, options }: AppendRequest): Decision => {
    const claim = options.idempotency;
    if (claim) {
      // Claimed by an earlier append of this very group: its result, once the group commits.
      const inGroup = claimedInGroup.get(claim.key);
      if (inGroup) {
        if (inGroup.requestHash !== claim.requestHash || inGroup.streamId !== streamId) throw new IdempotencyKeyReused(claim.key);
        return { kind: 'same', result: { ...inGroup.result, replayed: true } };
      }
      const earlier = head.claims.get(claim.key);
      if (earlier) {
        if (earlier.request_hash !== claim.requestHash || earlier.stream_id !== streamId) throw new IdempotencyKeyReused(claim.key);
        return { kind: 'replay', claim: earlier };
      }
    }
    const at = streams.get(streamId) ?? { version: 0, position: 0 };
    assertExpectedVersion(streamId, options.expectedVersion ?? 'any', at.version);
    // Read under the lock, once per group: recordedAt follows the global order on one node's clock.
    const recordedAt = options.recordedAt ?? (clock ??= now());
    const stored: StoredEvent[] = events.map((event, i) => ({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      streamVersion: at.version + i + 1,
      position: last + i + 1,
      occurredAt: event.occurredAt,
      recordedAt,
      data: event.data,
      metadata: event.metadata,
    }));
    const nextVersion = at.version + events.length;
    const lastPosition = stored.length > 0 ? last + stored.length : at.position;
    const result: AppendResult = { streamId, nextVersion, lastPosition, events: stored, replayed: false };
    if (stored.length === 0 && !claim) return { kind: 'same', result };
    stored.forEach((event, i) => eventRows.push({ event, dataJson: events[i]!.dataJson, metadataJson: events[i]!.metadataJson }));
    if (claim) {
      claimRows.push({
        key: claim.key,
        request_hash: claim.requestHash,
        stream_id: streamId,
        first_position: stored.length > 0 ? stored[0]!.position : null,
        last_position: lastPosition,
        next_version: nextVersion,
        created_at: recordedAt,
      });
      claimedInGroup.set(claim.key, { requestHash: claim.requestHash, streamId, result });
    }
    last += stored.length;
    streams.set(streamId, { version: nextVersion, position: lastPosition });
    appends.push({ streamId, events: stored });
    return { kind: 'written', result };
  };

  const decisions = requests.map((request): Decision => {
    try {
      return decide(request);
    } catch (error) {
      return { kind: 'refused', error };
    }
  });
  return { decisions, eventRows, claimRows, appends, lastPosition: last };
};

/** The head-read row: positions are BIGINTs (strings), the rest comes back as parsed JSONB. */
export type HeadRow = Readonly<{
  last_position: string;
  heads: readonly (readonly [number | null, number | null])[];
  claims: readonly IdempotencyRow[];
}>;

/** The head row of `streams` (in the order they were asked for). */
export const toGroupHead = (row: HeadRow, streams: readonly string[]): GroupHead => {
  const heads = new Map<string, { version: number; position: number }>();
  streams.forEach((streamId, i) => {
    const [version, position] = row.heads[i] ?? [null, null];
    if (version !== null) heads.set(streamId, { version, position: toPosition(position) });
  });
  return {
    lastPosition: toPosition(row.last_position),
    streams: heads,
    claims: new Map(row.claims.map((c) => [c.key, c])),
  };
};
