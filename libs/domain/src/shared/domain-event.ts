/**
 * What a decider emits: a past-tense fact with the world time it refers to. The store
 * wraps it in an envelope (ids, versions, positions, recordedAt, metadata); the domain
 * never sees store concerns.
 */
export type DomainEvent<Type extends string = string, Data = unknown> = Readonly<{
  type: Type;
  data: Data;
  /** When it happened in the world, as reported (ISO 8601 UTC). */
  occurredAt: string;
}>;

/** Server-side facts every command carries, so deciders stay pure (no clock reads). */
export type CommandContext = Readonly<{
  /** The server's clock when the command was accepted (ISO 8601 UTC). */
  now: string;
}>;

export type Command<Type extends string = string, Data = unknown> = Readonly<{
  type: Type;
  data: Data;
  context: CommandContext;
}>;

export type Decider<State, Cmd extends Command, Event extends DomainEvent> = Readonly<{
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Cmd, state: State) => Event[];
}>;

/** Fold a stream's history into state. */
export const fold = <State, Event extends DomainEvent>(
  decider: Pick<Decider<State, Command, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState());
