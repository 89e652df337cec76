import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { Command, CommandRunner, Option } from 'nest-commander';
import type { StoredEvent } from '@poc/domain';
import { callerRedactor } from '@poc/privacy';
import { incidentsAfterKey, incidentsProjection, type IncidentView } from '@poc/projections';
import { CliInfrastructure } from '../shared/cli-infrastructure';
import { CliError, parseEndTime, parseTime } from '../shared/cli-error';
import { ACLED_COLUMNS } from './acled-format';
import { incidentRow, type Verified } from './incident-row';

type Options = { from?: string; to?: string; format: 'ndjson' | 'csv' | 'acled'; verified: Verified };
const FORMATS = ['ndjson', 'csv', 'acled'];
const VERIFIED = ['only', 'all'];
const PAGE = 2000;

/**
 * `export events|incidents`: streams to stdout page by page, writing only as fast as the
 * reader takes it, so a million events export in constant memory.
 */
@Command({ name: 'export', arguments: '<what>', description: 'export events or incidents (--from --to --format ndjson|csv|acled --verified only|all) to stdout' })
export class ExportCommand extends CommandRunner {
  constructor(private readonly infra: CliInfrastructure) {
    super();
  }

  @Option({ flags: '--from <time>', description: 'from this day or UTC time (when it happened)' })
  parseFrom(value: string): string {
    return parseTime(value, '--from');
  }

  @Option({ flags: '--to <time>', description: 'up to this day (inclusive) or UTC time' })
  parseTo(value: string): string {
    return parseEndTime(value, '--to');
  }

  @Option({ flags: '--format <format>', description: 'ndjson (default), csv or acled', defaultValue: 'ndjson' })
  parseFormat(value: string): string {
    if (!FORMATS.includes(value)) throw new CliError(`--format must be one of ${FORMATS.join(', ')}, not "${value}"`);
    return value;
  }

  /** ndjson and csv rows say which in their `verified` column; ACLED's columns are ACLED's own. */
  @Option({ flags: '--verified <which>', description: 'incidents: only the verified ones, or all (default)', defaultValue: 'all' })
  parseVerified(value: string): string {
    if (!VERIFIED.includes(value)) throw new CliError(`--verified must be only or all, not "${value}"`);
    return value;
  }

  async run([what]: string[], options: Options): Promise<void> {
    if (what !== 'events' && what !== 'incidents') throw new CliError(`export what? "events" or "incidents", not "${what}"`);
    if (what === 'events' && options.format === 'acled') throw new CliError('--format acled is for incidents');
    if (what === 'events' && options.verified === 'only') throw new CliError('--verified is for incidents');
    const rows = what === 'events' ? this.events(options) : this.incidents(options);
    await write(rows, options.format, what);
  }

  private async *events({ from, to }: Options): AsyncGenerator<Record<string, unknown>> {
    const { eventStore, callerKeys } = await this.infra.get();
    // A sealed caller leaves only as its status: exports are copied around, keys are not.
    const redact = callerRedactor(callerKeys);
    for (let position = 0; ; ) {
      const batch = await eventStore.readAll({ fromPosition: position, limit: PAGE });
      if (batch.length === 0) return;
      for (const e of batch) if (inRange(e.occurredAt, from, to)) yield flatEvent(await redact(e));
      position = batch[batch.length - 1]!.position;
    }
  }

  private async *incidents({ from, to, format, verified }: Options): AsyncGenerator<Record<string, unknown>> {
    const { readModelStore } = await this.infra.get();
    // Keyset pagination on the key: each page is an index range, however deep the export.
    for (let after = ''; ; ) {
      const page = await readModelStore.find<IncidentView>(incidentsProjection.collection, incidentsAfterKey(after, { occurredFrom: from, occurredTo: to }, PAGE));
      if (page.length === 0) return;
      for (const incident of page) {
        const row = incidentRow(incident, format, verified);
        if (row) yield row;
      }
      after = page[page.length - 1]!.incidentId;
    }
  }
}

const inRange = (time: string, from?: string, to?: string): boolean => (!from || time >= from) && (!to || time <= to);

const flatEvent = (e: StoredEvent) => ({
  position: e.position,
  id: e.id,
  streamId: e.streamId,
  streamVersion: e.streamVersion,
  type: e.type,
  schemaVersion: e.schemaVersion,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  actor: e.metadata.actor,
  role: e.metadata.role,
  data: JSON.stringify(e.data),
});


const write = async (rows: AsyncIterable<Record<string, unknown>>, format: Options['format'], what: string): Promise<void> => {
  const out = process.stdout;
  const send = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  if (format === 'ndjson') {
    for await (const row of rows) await send(`${JSON.stringify(what === 'events' ? { ...row, data: JSON.parse(row.data as string) } : row)}\n`);
    return;
  }
  const csv = stringify({ header: true, ...(format === 'acled' && { columns: [...ACLED_COLUMNS] }), cast: { boolean: (b) => String(b) } });
  csv.pipe(out, { end: false }); // pipe honours stdout's backpressure
  for await (const row of rows) if (!csv.write(row)) await once(csv, 'drain');
  csv.end();
  await once(csv, 'end');
};
