import { randomUUID } from 'node:crypto';
import { DomainError } from '@poc/domain';
import { handleCommand, type EventStore } from '@poc/event-store';
import { deciderOf, type Step } from './scenario-step';

export type SeedResult =
  | Readonly<{ seeded: true; commands: number; events: number; lastPosition: number }>
  | Readonly<{ seeded: false; lastPosition: number }>;

/**
 * Plays the scenario through the same command handling as the HTTP edge, so the store
 * holds only what the domain accepts. The simulated clock becomes both the deciders' `now`
 * and the store's recordedAt: a report that came in ten days late is recorded ten days late,
 * and "what did we know on 20 March" has a real answer.
 *
 * A store that already holds events is left alone: the demo may be started any number of
 * times on the same data folder without doubling its history.
 */
export const seedScenario = async (store: EventStore, steps: readonly Step[]): Promise<SeedResult> => {
  const before = await store.lastPosition();
  if (before > 0) return { seeded: false, lastPosition: before };
  let events = 0;
  let lastPosition = 0;
  for (const step of steps) {
    try {
      const result = await handleCommand(store, deciderOf(step), step.streamId, step.command, {
        metadata: { actor: 'demo-seeder', role: 'system', correlationId: randomUUID() },
        recordedAt: step.at,
      });
      events += result.events.length;
      lastPosition = result.lastPosition;
    } catch (error) {
      // A refusal here is a bug in the scenario, not in the data: name the step to fix.
      const reason = error instanceof DomainError ? `${error.kind}: ${error.message}` : String(error);
      throw new Error(`demo step ${step.command.type} on ${step.streamId} at ${step.at} failed (${reason})`, { cause: error });
    }
  }
  return { seeded: true, commands: steps.length, events, lastPosition };
};
