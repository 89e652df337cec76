import { Command, CommandRunner } from 'nest-commander';
import { ALL_PROJECTIONS, shadowName, supportsBlueGreen, type ProjectionBuild } from '@poc/projections';
import { streamCategory } from '@poc/domain';
import { CliInfrastructure } from '../shared/cli-infrastructure';

/**
 * `stats`: events per type, streams per category, last position, each projection's lag,
 * the version its read model was built with against the code's, and unfinished rebuilds.
 */
@Command({ name: 'stats', description: 'events per type, streams per category, last position, projection checkpoints, lag and versions' })
export class StatsCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  async run(): Promise<void> {
    const { eventStore, readModelStore } = await this.infra.get();
    const byType = new Map<string, number>();
    const streams = new Map<string, Set<string>>();
    // One pass in batches: constant memory whatever the store's size.
    for (let from = 0; ; ) {
      const batch = await eventStore.readAll({ fromPosition: from, limit: 5000 });
      if (batch.length === 0) break;
      for (const e of batch) {
        byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
        const category = streamCategory(e.streamId);
        if (!streams.has(category)) streams.set(category, new Set());
        streams.get(category)!.add(e.streamId);
      }
      from = batch[batch.length - 1]!.position;
    }
    const last = await eventStore.lastPosition();
    const out: string[] = [`last position: ${last}`, '', 'events per type:'];
    for (const [type, n] of [...byType].sort()) out.push(`  ${type.padEnd(28)} ${n}`);
    out.push('', 'streams per category:');
    for (const [category, ids] of [...streams].sort()) out.push(`  ${category.padEnd(28)} ${ids.size}`);
    const builds: ReadonlyMap<string, ProjectionBuild> = supportsBlueGreen(readModelStore) ? await readModelStore.builds() : new Map();
    out.push('', 'projections (checkpoint, lag, version built with / in the code, generation):');
    let outdated = 0;
    for (const p of ALL_PROJECTIONS) {
      const checkpoint = await readModelStore.checkpoint(p.name);
      const built = builds.get(p.name);
      const stale = built !== undefined && built.version !== p.version;
      if (stale) outdated++;
      const version = built ? `built v${built.version} / code v${p.version}` : `code v${p.version}`;
      const generation = built ? `  generation ${built.generation}` : '';
      out.push(`  ${p.name.padEnd(28)} ${String(checkpoint).padStart(8)}  lag ${String(last - checkpoint).padEnd(8)} ${version}${generation}${stale ? '  OUTDATED' : ''}`);
    }
    if (outdated > 0) out.push(`  ${outdated} read model(s) built with an older version: rebuild them with \`rebuild --outdated\``);
    const unfinished = ALL_PROJECTIONS.filter((p) => builds.has(shadowName(p.name)));
    if (unfinished.length > 0) {
      out.push('', 'unfinished rebuilds (`rebuild` resumes them, `--restart` discards them):');
      for (const p of unfinished) {
        const checkpoint = await readModelStore.checkpoint(shadowName(p.name));
        out.push(`  ${p.name.padEnd(28)} ${String(checkpoint).padStart(8)}  of ${last}, v${builds.get(shadowName(p.name))!.version}`);
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
}
