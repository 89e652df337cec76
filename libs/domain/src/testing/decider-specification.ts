import type { Command, Decider, DomainEvent } from '../shared/domain-event';
import { DomainError, type DomainErrorKind } from '../shared/domain-error';

/**
 * Given / when / then for deciders, in the manner of Emmett's DeciderSpecification:
 *   spec.given([...past events]).when(command).then([...new events])
 *   spec.given([...]).when(command).thenThrows('conflict', /already/)
 */
export const DeciderSpecification = {
  for: <S, C extends Command, E extends DomainEvent>(decider: Decider<S, C, E>) => ({
    given: (history: readonly E[]) => ({
      when: (command: C) => {
        const run = (): E[] => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: readonly E[] | ((events: E[]) => void)): void => {
            const events = run();
            if (typeof expected === 'function') expected(events);
            else expect(events).toEqual(expected);
          },
          thenThrows: (kind: DomainErrorKind, message?: RegExp): void => {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            expect((caught as DomainError).kind).toBe(kind);
            if (message) expect((caught as DomainError).message).toMatch(message);
          },
        };
      },
    }),
  }),
};
