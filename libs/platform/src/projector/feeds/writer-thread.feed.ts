import type { ProjectorFeed } from '../projector-feed';

/**
 * Embedded SQLite: the projector runs in the store's writer thread (writer-thread.plugin.ts,
 * started by the infrastructure's startEmbeddedProjector), beside the appends and off this
 * thread; nothing is projected here, or the read models would be written twice. It stops
 * when the store closes.
 */
export const writerThreadFeed = (startEmbeddedProjector: () => Promise<number>): ProjectorFeed => ({
  name: 'Projector',
  start: async () => `following the event store from position ${await startEmbeddedProjector()}, in the SQLite writer thread`,
  stop: async () => undefined,
});
