import { Command, CommandRunner, Option } from 'nest-commander';
import { ALL_PROJECTIONS, supportsBlueGreen } from '@poc/projections';
import { CliInfrastructure } from '../shared/cli-infrastructure';
import { CliError } from '../shared/cli-error';
import { NO_PROGRESS, progressBar } from '../shared/progress';
import { rebuildReadModels, type RebuildReport } from './blue-green-rebuild';
import { lockRebuilds } from './rebuild-lock';
import { selectProjections } from './select-projections';

type Options = { outdated?: boolean; restart?: boolean; batchSize?: number; maxRate?: number; progress?: boolean };

const positiveInt = (value: string, option: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`${option} must be a whole number above 0, not "${value}"`);
  return n;
};

/**
 * `rebuild <projection|all>` / `rebuild --outdated`: a blue/green rebuild. The query API
 * keeps serving the current read models until the rebuilt ones are swapped in, at once.
 * Interrupted, it resumes where it stopped. Progress goes to stderr, the result to stdout.
 */
@Command({
  name: 'rebuild',
  arguments: '[projection]',
  description: 'rebuild read models (a projection, all, or --outdated) beside the live ones, then swap them in atomically',
})
export class RebuildCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  @Option({ flags: '--outdated', description: 'those built with another version than the code' })
  parseOutdated(): boolean {
    return true;
  }

  @Option({ flags: '--restart', description: 'discard an interrupted rebuild instead of resuming it' })
  parseRestart(): boolean {
    return true;
  }

  @Option({ flags: '--batch-size <events>', description: 'events per transaction (default 10000)' })
  parseBatchSize(value: string): number {
    return positiveInt(value, '--batch-size');
  }

  @Option({ flags: '--max-rate <events/s>', description: 'at most this many events per second, to spare a busy database' })
  parseMaxRate(value: string): number {
    return positiveInt(value, '--max-rate');
  }

  @Option({ flags: '--no-progress', description: 'no progress bar on stderr' })
  parseNoProgress(): boolean {
    return false;
  }

  async run([target]: string[], options: Options): Promise<void> {
    const { eventStore, readModelStore: store, pool } = await this.infra.get();
    if (!supportsBlueGreen(store)) throw new CliError('this read-model store cannot rebuild beside the live read models');
    const projections = selectProjections(ALL_PROJECTIONS, await store.builds(), target, options.outdated ?? false);
    if (projections.length === 0) {
      process.stdout.write('every read model is built with its projection\'s current version: nothing to rebuild\n');
      return;
    }
    const release = await lockRebuilds(pool ? { pool } : { dataDir: this.infra.config().DATA_DIR });
    try {
      const say = (line: string) => process.stderr.write(`${line}\n`);
      say(`rebuilding ${projections.map((p) => `${p.name} (v${p.version})`).join(', ')} from the event store (last position ${await eventStore.lastPosition()})`);
      const report = await rebuildReadModels({
        eventStore,
        store,
        projections,
        ...(options.restart && { restart: true }),
        ...(options.batchSize && { batchSize: options.batchSize }),
        ...(options.maxRate && { maxRate: options.maxRate }),
        progress: options.progress === false ? NO_PROGRESS : progressBar('rebuild'),
        say,
      });
      process.stdout.write(renderReport(report));
    } finally {
      await release();
    }
  }
}

export const renderReport = (report: RebuildReport): string => {
  const lines = [`swapped in at position ${report.position}:`];
  for (const p of report.projections) {
    const resumed = p.resumedFrom > 0 ? `  (resumed from ${p.resumedFrom})` : '';
    lines.push(`  ${p.name.padEnd(24)} v${String(p.version).padEnd(3)} generation ${String(p.generation).padEnd(4)} ${String(p.documents).padStart(8)} documents${resumed}`);
  }
  const rate = report.seconds > 0 ? Math.round(report.events / report.seconds) : report.events;
  lines.push(
    `${report.events} events in ${report.seconds.toFixed(2)} s (${rate} events/s); ` +
      `the swap took ${report.swapMs} ms, with ${report.finalEvents} event(s) caught up inside it` +
      (report.prepareMs > 0 ? ` (indexes built beforehand in ${report.prepareMs} ms)` : ''),
  );
  return `${lines.join('\n')}\n`;
};
