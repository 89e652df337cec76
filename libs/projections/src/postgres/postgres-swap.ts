import type { PoolClient } from 'pg';
import { shadowName, type ShadowSwap, type SwapResult } from '../read-model-store.port';
import { quoteIdent, tableOf } from '../sql/sql-fragments';

/**
 * The body of `PostgresReadModelStore.swapShadows`, inside the transaction `client` has
 * begun (the caller commits or rolls back): fence rows, table locks, the final catch-up,
 * then each shadow renamed in with its stream versions, checkpoint and build row.
 * `ordered`: the swaps sorted by projection, the order every swap and fenced commit locks in.
 */
export const swapInTransaction = async (client: PoolClient, ordered: readonly ShadowSwap[], catchUp: () => Promise<void>): Promise<SwapResult> => {
  // 1. The fence rows, for update: waits for fenced commits under way, holds off new ones.
  await client.query('SELECT 1 FROM rm_builds WHERE projection = ANY($1) ORDER BY projection FOR UPDATE', [ordered.map((s) => s.projection)]);
  // 2. The tables: queries wait for the swap (a moment) instead of failing.
  const tables: string[] = [];
  for (const swap of ordered) {
    const next = `rm_${shadowName(swap.collection.name)}`;
    const { rows } = await client.query<{ live: string | null; next: string | null }>('SELECT to_regclass($1) AS live, to_regclass($2) AS next', [
      `rm_${swap.collection.name}`,
      next,
    ]);
    if (!rows[0]?.next) throw new Error(`no shadow of ${swap.projection} to swap in: ${next} does not exist`);
    if (rows[0].live) tables.push(tableOf(swap.collection));
    tables.push(tableOf({ ...swap.collection, name: shadowName(swap.collection.name) }));
  }
  await client.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  // 3. The last events, into the shadows, inside this transaction.
  await catchUp();
  // 4. The swap itself.
  const generations = new Map<string, number>();
  let position = Number.POSITIVE_INFINITY;
  const now = new Date().toISOString();
  for (const swap of ordered) {
    const shadow = shadowName(swap.projection);
    const nextName = `rm_${shadowName(swap.collection.name)}`;
    const liveName = `rm_${swap.collection.name}`;
    await client.query(`DROP TABLE IF EXISTS ${quoteIdent(liveName)}`);
    await client.query(`ALTER TABLE ${quoteIdent(nextName)} RENAME TO ${quoteIdent(liveName)}`);
    await client.query(`ALTER INDEX IF EXISTS ${quoteIdent(`${nextName}_pkey`)} RENAME TO ${quoteIdent(`${liveName}_pkey`)}`);
    for (const index of swap.collection.indexes) {
      const from = quoteIdent(`ix_${shadowName(swap.collection.name)}_${index.join('_')}`);
      await client.query(`ALTER INDEX IF EXISTS ${from} RENAME TO ${quoteIdent(`ix_${swap.collection.name}_${index.join('_')}`)}`);
    }
    await client.query('DELETE FROM rm_stream_versions WHERE projection = $1', [swap.projection]);
    await client.query('UPDATE rm_stream_versions SET projection = $1 WHERE projection = $2', [swap.projection, shadow]);
    const { rows } = await client.query<{ position: string }>('SELECT position FROM rm_checkpoints WHERE projection = $1', [shadow]);
    const reached = rows[0] ? Number(rows[0].position) : 0;
    await client.query('DELETE FROM rm_checkpoints WHERE projection = ANY($1)', [[swap.projection, shadow]]);
    await client.query('INSERT INTO rm_checkpoints (projection, position) VALUES ($1, $2)', [swap.projection, reached]);
    const built = await client.query<{ generation: string }>(
      'UPDATE rm_builds SET version = $2, generation = generation + 1, built_at = $3 WHERE projection = $1 RETURNING generation',
      [swap.projection, swap.version, now],
    );
    await client.query('DELETE FROM rm_builds WHERE projection = $1', [shadow]);
    generations.set(swap.projection, Number(built.rows[0]!.generation));
    position = Math.min(position, reached);
  }
  return { position: ordered.length === 0 ? 0 : position, generations };
};
