import { PresenceFilter, shadowOf, type BlueGreenReadModelStore, type Projection } from '@poc/projections';

const PAGE = 10_000;

/**
 * What the shadows may hold, for the runner to skip looking up what cannot be there: empty
 * for a shadow built from scratch, seeded with the keys and streams of a resumed one. The
 * rebuild is the shadows' only writer (one rebuild at a time), so the filter stays true for
 * the whole run, the final catch-up included.
 */
export const shadowPresence = async (
  store: BlueGreenReadModelStore,
  projections: readonly Projection[],
  resumed: ReadonlySet<string>,
  events: number,
): Promise<PresenceFilter> => {
  // Each event adds about one document and one stream; a resumed shadow has at most as many.
  const presence = new PresenceFilter(2 * events);
  for (const projection of projections) {
    if (!resumed.has(projection.name)) continue;
    const shadow = shadowOf(projection);
    for (let page = await store.documentKeys(shadow.collection, '', PAGE); page.length > 0; page = await store.documentKeys(shadow.collection, page[page.length - 1]!, PAGE)) {
      for (const key of page) presence.addDocument(shadow.collection.name, key);
    }
    for (let page = await store.appliedStreams(shadow.name, '', PAGE); page.length > 0; page = await store.appliedStreams(shadow.name, page[page.length - 1]!, PAGE)) {
      for (const streamId of page) presence.addStream(shadow.name, streamId);
    }
  }
  return presence;
};
