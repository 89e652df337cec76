import { Command, CommandRunner, Option } from 'nest-commander';
import { readerOf } from '@poc/deterrence';
import { gatherPeriodReport, renderMarkdown, renderTable } from '@poc/reports';
import { CliError, parseEndTime } from '../shared/cli-error';
import { CliInfrastructure } from '../shared/cli-infrastructure';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FORMATS = ['table', 'markdown', 'json'];

type Options = { from?: string; to?: string; asOf?: string; format: string };

const day = (value: string, flag: string): string => {
  if (!DAY.test(value) || Number.isNaN(Date.parse(value))) throw new CliError(`${flag} must be a day, YYYY-MM-DD, not "${value}"`);
  return value;
};

/**
 * `report --from D --to D [--as-of T] [--format table|markdown|json]`: the period report the
 * query API answers at GET /reports/period, from the read models of this store.
 */
@Command({ name: 'report', description: 'every figure of a period (table, Markdown for a letter annex, or JSON)' })
export class ReportCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  @Option({ flags: '--from <day>', description: 'first day of the period, YYYY-MM-DD (required)' })
  parseFrom(value: string): string {
    return day(value, '--from');
  }

  @Option({ flags: '--to <day>', description: 'last day of the period, YYYY-MM-DD, inclusive (required)' })
  parseTo(value: string): string {
    return day(value, '--to');
  }

  @Option({ flags: '--as-of <time>', description: 'what had been recorded by then (default: now)' })
  parseAsOf(value: string): string {
    return parseEndTime(value, '--as-of');
  }

  @Option({ flags: '--format <format>', description: 'table (default), markdown or json', defaultValue: 'table' })
  parseFormat(value: string): string {
    if (!FORMATS.includes(value)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
    return value;
  }

  async run(_args: string[], options: Options): Promise<void> {
    if (!options.from || !options.to) throw new CliError('report needs --from and --to (YYYY-MM-DD)');
    if (options.from > options.to) throw new CliError('--from must not be after --to');
    const { readModelStore } = await this.infra.get();
    const report = await gatherPeriodReport(readerOf(readModelStore), { from: options.from, to: options.to, asOf: options.asOf ?? new Date().toISOString() });
    const text = options.format === 'json' ? JSON.stringify(report, null, 2) : options.format === 'markdown' ? renderMarkdown(report) : renderTable(report);
    process.stdout.write(`${text}\n`);
  }
}
