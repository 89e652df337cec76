import { followAll, type EventStore, type Subscription } from '@poc/event-store';
import type { ProjectionRunner } from '@poc/projections';

/**
 * The projector proper: follows the store from the read models' checkpoint into the runner.
 * After a crash it resumes from the last committed checkpoint, and the runner skips what was
 * applied; a failed batch is retried. No Nest here: the writer thread runs it too.
 */
export const followIntoReadModels = async (
  store: EventStore,
  runner: ProjectionRunner,
  logError: (message: string) => void,
): Promise<Readonly<{ from: number; subscription: Subscription }>> => {
  const from = await runner.position();
  const subscription = followAll(store, from, (batch) => runner.handle(batch), {
    onError: (error) => logError(`projection failed, retrying: ${error instanceof Error ? error.message : String(error)}`),
  });
  return { from, subscription };
};
