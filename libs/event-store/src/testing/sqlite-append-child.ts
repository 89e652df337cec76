/**
 * Appends to a SQLite event store until killed, printing `acked <position>` after each
 * append has resolved. Used by the kill -9 durability tests (kill-during-appends.ts):
 *   node -r @swc-node/register libs/event-store/src/testing/sqlite-append-child.ts <file> <stream> [max] [--threaded]
 * `--threaded`: through ThreadedSqliteEventStore (the writes in a worker thread).
 */
import type { EventStore } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { ThreadedSqliteEventStore } from '../sqlite/threaded/threaded-sqlite-event-store';

const threaded = process.argv.includes('--threaded');
const [file, streamId, max = '20000'] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!file || !streamId) throw new Error('usage: sqlite-append-child <file> <stream> [max] [--threaded]');

const main = async (): Promise<void> => {
  const store: EventStore = threaded ? await ThreadedSqliteEventStore.open(file) : new SqliteEventStore(file);
  for (let n = 1; n <= Number(max); n++) {
    const result = await store.append(streamId, [
      {
        type: 'Ticked',
        data: { n },
        occurredAt: new Date().toISOString(),
        metadata: { actor: 'child', role: 'system', correlationId: `tick-${n}` },
      },
    ]);
    // Written to a pipe: synchronous on Linux, so the ack leaves before the next append.
    process.stdout.write(`acked ${result.lastPosition}\n`);
  }
  await store.close();
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
