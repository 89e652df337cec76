import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fold, type DomainEvent } from '@poc/domain';
import { IdempotencyKeyReused, WrongExpectedVersion, type EventStore } from '@poc/event-store';
import { EVENT_STORE } from '@poc/platform';
import { DecideCommand, type WriteResult } from './decide.command';

const idOf = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);

/** Read the stream, fold, decide, append at the version that was read. */
@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ decider, streamId, command, write }: DecideCommand): Promise<WriteResult> {
    const idempotency = write.idempotencyKey ? { key: write.idempotencyKey, requestHash: write.requestHash } : undefined;
    if (idempotency) {
      // A retried request must get its first answer even though the state has moved on.
      const earlier = await this.store.findIdempotent(idempotency.key);
      if (earlier) {
        if (earlier.requestHash !== idempotency.requestHash) throw new IdempotencyKeyReused(idempotency.key);
        return { id: idOf(earlier.streamId), streamId: earlier.streamId, version: earlier.nextVersion, position: earlier.lastPosition };
      }
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.decideAndAppend(decider, streamId, command, write, idempotency);
      } catch (error) {
        // Without If-Match the client asked for no particular version: decide again on the newer state.
        const retry = error instanceof WrongExpectedVersion && write.ifMatch === undefined && attempt < 3;
        if (!retry) throw error;
      }
    }
  }

  private async decideAndAppend(
    decider: DecideCommand['decider'],
    streamId: string,
    command: DecideCommand['command'],
    write: DecideCommand['write'],
    idempotency: { key: string; requestHash: string } | undefined,
  ): Promise<WriteResult> {
    const history = await this.store.readStream(streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1]!.streamVersion;
    if (write.ifMatch !== undefined && write.ifMatch !== version) throw new WrongExpectedVersion(streamId, write.ifMatch, version);
    const state = fold(decider, history as unknown as DomainEvent[]);
    const events = decider.decide(command, state);
    const result = await this.store.append(
      streamId,
      events.map((e) => ({
        type: e.type,
        data: e.data,
        occurredAt: e.occurredAt,
        metadata: {
          actor: write.actor,
          role: write.role,
          correlationId: write.correlationId,
          ...(write.idempotencyKey && { idempotencyKey: write.idempotencyKey }),
        },
      })),
      { expectedVersion: version === 0 ? 'no-stream' : version, ...(idempotency && { idempotency }) },
    );
    return { id: idOf(result.streamId), streamId: result.streamId, version: result.nextVersion, position: result.lastPosition };
  }
}
