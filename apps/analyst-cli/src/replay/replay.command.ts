import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command, CommandRunner, Option } from 'nest-commander';
import { ALL_PROJECTIONS } from '@poc/projections';
import { CliInfrastructure } from '../shared/cli-infrastructure';
import { CliError, parseEndTime } from '../shared/cli-error';
import { NO_PROGRESS, progressBar } from '../shared/progress';
import { renderSummary, Replay } from './replay';

type Options = { until?: string; asKnownAt?: string; out?: string; progress?: boolean };

/**
 * `replay --until <time> [--as-known-at <time>]`: the read models as they stood, built
 * into a throwaway in-memory database; a summary on stdout, or every document as ndjson
 * with `--out <file>` (`--out -` for stdout).
 */
@Command({
  name: 'replay',
  description: 'the read models as they stood: --until (what had happened) and/or --as-known-at (what had been recorded); a summary, or ndjson with --out',
})
export class ReplayCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  @Option({ flags: '--until <time>', description: 'events that occurred up to this day (inclusive) or UTC time' })
  parseUntil(value: string): string {
    return parseEndTime(value, '--until');
  }

  @Option({ flags: '--as-known-at <time>', description: 'as recorded up to this day (inclusive) or UTC time' })
  parseAsKnownAt(value: string): string {
    return parseEndTime(value, '--as-known-at');
  }

  @Option({ flags: '--out <file>', description: 'write every document as ndjson ({projection, key, doc}) to this file, - for stdout' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--no-progress', description: 'no progress bar on stderr' })
  parseNoProgress(): boolean {
    return false;
  }

  async run(_args: string[], options: Options): Promise<void> {
    if (!options.until && !options.asKnownAt) throw new CliError('replay up to when? give --until and/or --as-known-at');
    const { eventStore } = await this.infra.get();
    const replay = new Replay(ALL_PROJECTIONS, {
      ...(options.until && { until: options.until }),
      ...(options.asKnownAt && { asKnownAt: options.asKnownAt }),
    });
    try {
      await replay.build(eventStore, options.progress === false ? NO_PROGRESS : progressBar('replay'));
      if (!options.out) {
        process.stdout.write(renderSummary(await replay.summary()));
        return;
      }
      const toStdout = options.out === '-';
      const out = toStdout ? process.stdout : createWriteStream(options.out);
      if (!toStdout) await Promise.race([once(out, 'open'), once(out, 'error').then(([error]) => Promise.reject(error as Error))]).catch(cannotWrite(options.out));
      let written = 0;
      for (const line of replay.documents()) {
        if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
        written++;
      }
      if (!toStdout) {
        out.end();
        await once(out, 'finish');
        process.stdout.write(`wrote ${written} documents of ${ALL_PROJECTIONS.length} read models to ${options.out}\n`);
      }
    } finally {
      replay.close();
    }
  }
}

const cannotWrite = (file: string) => (error: unknown): never => {
  throw new CliError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
};
