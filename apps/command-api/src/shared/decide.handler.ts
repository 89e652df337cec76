import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, IdempotencyKeyReused, type EventStore, EVENT_STORE } from '@poc/event-store';
import { DecideCommand, type WriteResult } from './decide.command';

const idOf = (streamId: string): string => streamId.slice(streamId.indexOf('-') + 1);

/** Thin glue: answer a retried request from the store, else decide and append. */
@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ decider, streamId, command, write, newStream }: DecideCommand): Promise<WriteResult> {
    const idempotency = write.idempotencyKey ? { key: write.idempotencyKey, requestHash: write.requestHash } : undefined;
    // A retried request gets its first answer, even though the state has moved on since.
    const earlier = idempotency && (await this.answered(idempotency));
    if (earlier) return earlier;
    try {
      return await this.decide(command, decider, streamId, write, idempotency, newStream);
    } catch (error) {
      // Two copies of one request raced: the loser answers what the winner stored.
      const winner = error instanceof IdempotencyKeyReused && idempotency && (await this.answered(idempotency));
      if (winner) return winner;
      throw error;
    }
  }

  private async answered(claim: { key: string; requestHash: string }): Promise<WriteResult | undefined> {
    const earlier = await this.store.findIdempotent(claim.key);
    if (!earlier) return undefined;
    if (earlier.requestHash !== claim.requestHash) throw new IdempotencyKeyReused(claim.key);
    return { id: idOf(earlier.streamId), streamId: earlier.streamId, version: earlier.nextVersion, position: earlier.lastPosition };
  }

  private async decide(
    command: DecideCommand['command'],
    decider: DecideCommand['decider'],
    streamId: string,
    write: DecideCommand['write'],
    idempotency: { key: string; requestHash: string } | undefined,
    newStream: boolean,
  ): Promise<WriteResult> {
    const result = await handleCommand(this.store, decider, streamId, command, {
      metadata: {
        actor: write.actor,
        role: write.role,
        correlationId: write.correlationId,
        ...(write.idempotencyKey && { idempotencyKey: write.idempotencyKey }),
      },
      ...(write.ifMatch !== undefined && { ifMatch: write.ifMatch }),
      ...(idempotency && { idempotency }),
      newStream,
    });
    return { id: idOf(result.streamId), streamId: result.streamId, version: result.nextVersion, position: result.lastPosition };
  }
}
