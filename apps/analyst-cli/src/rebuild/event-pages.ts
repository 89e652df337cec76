import type { StoredEvent } from '@poc/domain';
import type { EventStore } from '@poc/event-store';

/**
 * The store's events after `from`, page by page, until its head: each page is read while
 * the one before is applied, so with PostgreSQL the server fetches the next page while this
 * process folds and commits. Once a page comes back empty, the head is read again: events
 * appended meanwhile are read too (`onHead` hears of the new head), and the pages end when
 * there are none.
 */
export async function* eventPages(eventStore: EventStore, from: number, limit: number, onHead: (head: number) => void = () => undefined): AsyncGenerator<readonly StoredEvent[]> {
  const read = (position: number) => {
    const page = eventStore.readAll({ fromPosition: position, limit });
    // Awaited on the next turn; if the caller stops first, its failure must not go unhandled.
    page.catch(() => undefined);
    return page;
  };
  let position = from;
  let ahead = read(position);
  for (;;) {
    const page = await ahead;
    if (page.length === 0) {
      const head = await eventStore.lastPosition();
      if (head <= position) return;
      onHead(head);
    } else {
      position = page[page.length - 1]!.position;
    }
    ahead = read(position);
    if (page.length > 0) yield page;
  }
}
