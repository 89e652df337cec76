import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PostgresEventStore, upcasting } from '@poc/event-store';
import { ALL_PROJECTIONS, inKeyOrder, PostgresReadModelStore, ProjectionRunner } from '@poc/projections';

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/**
 * Rebuilds every read model from the event store into a fresh database and checks that
 * the live read models hold exactly the same documents: nothing lost, nothing twice.
 */
export const rebuildAndCompare = async (databaseUrl: string): Promise<void> => {
  const name = `rebuild_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const live = new Pool({ connectionString: databaseUrl, max: 4 });
  const fresh = new Pool({ connectionString: withDatabase(databaseUrl, name), max: 4 });
  // Its database is dropped WITH (FORCE) at the end: an idle client's termination is expected.
  fresh.on('error', () => undefined);
  live.on('error', () => undefined);
  try {
    // Read as the apps read: every event at its current schema version.
    const store = upcasting(await PostgresEventStore.open(live));
    const rebuilt = new PostgresReadModelStore(fresh);
    const runner = new ProjectionRunner(rebuilt, ALL_PROJECTIONS);
    await runner.init();
    for (let from = 0; ; ) {
      const batch = await store.readAll({ fromPosition: from, limit: 1000 });
      if (batch.length === 0) break;
      await runner.handle(batch);
      from = batch[batch.length - 1]!.position;
    }
    const current = new PostgresReadModelStore(live);
    for (const projection of ALL_PROJECTIONS) {
      const expected = await rebuilt.find(projection.collection, inKeyOrder);
      const actual = await current.find(projection.collection, inKeyOrder);
      expect({ projection: projection.name, docs: actual }).toEqual({ projection: projection.name, docs: expected });
    }
    await store.close();
  } finally {
    await fresh.end();
    await live.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
};
