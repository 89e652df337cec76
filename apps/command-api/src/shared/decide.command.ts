import { Command as NestCommand } from '@nestjs/cqrs';
import type { Command, Decider, DomainEvent } from '@poc/domain';
import { type WriteContext } from '@poc/platform/http';

export type WriteResult = Readonly<{ id: string; streamId: string; version: number; position: number }>;

/**
 * Every write is the same glue around a different decider, so one Nest command carries
 * the decider, the target stream and the domain command; `DecideHandler` runs them all.
 */
export class DecideCommand<S = unknown, C extends Command = Command, E extends DomainEvent = DomainEvent> extends NestCommand<WriteResult> {
  constructor(
    readonly decider: Decider<S, C, E>,
    readonly streamId: string,
    readonly command: C,
    readonly write: WriteContext,
    /** The stream id was minted for this request: nothing to read before deciding. */
    readonly newStream = false,
  ) {
    super();
  }
}
