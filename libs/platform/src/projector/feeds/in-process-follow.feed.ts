import type { Subscription } from '@poc/event-store';
import type { Infrastructure } from '../../wiring/open-infrastructure';
import { followIntoReadModels } from '../follow-into-read-models';
import type { ProjectorFeed } from '../projector-feed';

/** BUS=inprocess on PostgreSQL: this process follows the store itself. */
export const inProcessFollowFeed = ({ eventStore, runner }: Infrastructure): ProjectorFeed => {
  let subscription: Subscription | undefined;
  return {
    name: 'Projector',
    start: async (log) => {
      const followed = await followIntoReadModels(eventStore, runner, (message) => log.error(message));
      subscription = followed.subscription;
      return `following the event store from position ${followed.from}`;
    },
    stop: async () => {
      await subscription?.stop();
    },
  };
};
