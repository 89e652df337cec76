/**
 * The report of tests/perf/append.bench.ts: medians over rounds, ratios taken within each
 * round, and the markdown written between the result markers of docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import type { Measured, Target } from './append-worker';

export type Scenario = Readonly<{ name: string; writers: number; batch: number; targets: readonly Target[] }>;
export type Sample = Measured & Readonly<{ round: number; scenario: string; target: Target; load: number }>;
export type Run = {
  started: Date;
  finished?: Date;
  command: string;
  seconds: number;
  machine: ReturnType<typeof machine>;
  postgres: readonly Readonly<{ name: string; setting: string }>[];
  samples: Sample[];
};

const DOC = join(resolve(__dirname, '../..'), 'docs/performance.md');
const SECTION_END = '<!-- bench:append:end -->';
const BEGIN = '<!-- bench:append:results:begin -->';
const END = '<!-- bench:append:results:end -->';

const LABELS: Record<Target, string> = {
  postgres: 'PostgresEventStore',
  'postgres-single': 'PostgresEventStore, group commit off',
  emmett: 'Emmett 0.42 PostgreSQL store',
  sqlite: 'SqliteEventStore',
  'sqlite-single': 'SqliteEventStore, group commit off',
};

/** Ratios reported for every scenario where both targets ran: [numerator, denominator]. */
const RATIOS: readonly (readonly [Target, Target])[] = [
  ['postgres', 'emmett'],
  ['sqlite', 'postgres'],
  ['postgres', 'postgres-single'],
  ['sqlite', 'sqlite-single'],
];

const sh = (cmd: string) => execFileSync('bash', ['-c', cmd], { encoding: 'utf8' }).trim();

export const machine = () => ({
  nproc: sh('nproc'),
  cpu: cpus()[0]?.model ?? 'unknown',
  memory: sh("free -h | awk '/^Mem:/ {print $2\" total, \"$7\" available\"}'"),
  node: process.version,
});

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rate = (s: Sample) => s.events / s.seconds;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const range = (values: readonly number[], format: (n: number) => string) =>
  values.length > 1 ? `${format(Math.min(...values))}–${format(Math.max(...values))}` : format(values[0]!);
const ratio = (n: number) => `${n >= 10 ? n.toFixed(1) : n.toFixed(2)}×`;
const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const resultRows = (run: Run, scenarios: readonly Scenario[]): string[] => {
  const rows = [
    '| scenario | store | events/s (median) | events/s (each round) | appends/s | p50 ms | p99 ms | CPU µs/event: Node + PostgreSQL |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const scenario of scenarios) {
    for (const target of scenario.targets) {
      const samples = run.samples.filter((s) => s.scenario === scenario.name && s.target === target);
      if (samples.length === 0) continue;
      const pgCpu = median(samples.map((s) => s.cpu.postgres));
      const cpu = `${median(samples.map((s) => s.cpu.client)).toFixed(0)}${Number.isFinite(pgCpu) && !target.startsWith('sqlite') ? ` + ${pgCpu.toFixed(0)}` : ''}`;
      rows.push(
        `| ${scenario.name} | ${LABELS[target]} | **${int(median(samples.map(rate)))}** | ${samples.map((s) => int(rate(s))).join(' / ')} | ` +
          `${int(median(samples.map((s) => s.appends / s.seconds)))} | ${median(samples.map((s) => s.p50)).toFixed(1)} | ` +
          `${median(samples.map((s) => s.p99)).toFixed(1)} | ${cpu} |`,
      );
    }
  }
  return rows;
};

const ratioRows = (run: Run, scenarios: readonly Scenario[]): string[] => {
  const rows = [`| ratio (same round) | ${scenarios.map((s) => s.name).join(' | ')} |`, `|---|${scenarios.map(() => '---:').join('|')}|`];
  for (const [a, b] of RATIOS) {
    const cells = scenarios.map((scenario) => {
      const rounds = [...new Set(run.samples.map((s) => s.round))];
      const values = rounds.flatMap((round) => {
        const of = (t: Target) => run.samples.find((s) => s.round === round && s.scenario === scenario.name && s.target === t);
        const [x, y] = [of(a), of(b)];
        return x && y ? [rate(x) / rate(y)] : [];
      });
      return values.length === 0 ? '' : `**${ratio(median(values))}** (${range(values, ratio)})`;
    });
    if (cells.some(Boolean)) rows.push(`| ${LABELS[a]} / ${LABELS[b]} | ${cells.join(' | ')} |`);
  }
  return rows;
};

/** The markdown of one run: how it was made, the figures, the ratios. */
export const report = (run: Run, scenarios: readonly Scenario[]): string => {
  const loads = run.samples.map((s) => s.load);
  const catchUp = (target: Target) => run.samples.filter((s) => s.target === target && s.catchUp !== undefined).map((s) => s.catchUp!);
  const pg = Object.fromEntries(run.postgres.map((s) => [s.name, s.setting]));
  return [
    `Run of ${utc(run.started)}${run.finished ? ` to ${utc(run.finished).slice(11)}` : ''}: ` +
      `\`flock /tmp/poc-bench.lock ${run.command}\` (${run.seconds} s per measure). ` +
      `Machine: \`nproc\` ${run.machine.nproc} (${run.machine.cpu}), ${run.machine.memory}, Node ${run.machine.node}; ` +
      `PostgreSQL ${pg.server_version} from \`infra/postgres/start.sh\` (fsync=${pg.fsync}, synchronous_commit=${pg.synchronous_commit}, ` +
      `wal_sync_method=${pg.wal_sync_method}, full_page_writes=${pg.full_page_writes}, commit_delay=${pg.commit_delay}); ` +
      `SQLite: WAL, synchronous=FULL. The machine was shared: 1-minute load average ${range(loads, (n) => n.toFixed(1))} at the start of the measures.`,
    '',
    ...resultRows(run, scenarios),
    '',
    ...ratioRows(run, scenarios),
    '',
    `\`readAll\` catch-up (batches of 1000) over the store just written by the appends of 50: ` +
      `PostgresEventStore ${range(catchUp('postgres'), int)} events/s, SqliteEventStore ${range(catchUp('sqlite'), int)} events/s.`,
  ].join('\n');
};

/** Replaces the results between the markers of docs/performance.md (added at the end of the "Appends" section, or of the file). */
export const recordResults = (markdown: string): string => {
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
  const block = `${BEGIN}\n${markdown}\n${END}`;
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin >= 0 && end > begin) writeFileSync(DOC, `${doc.slice(0, begin)}${block}${doc.slice(end + END.length)}`);
  else if (doc.includes(SECTION_END)) writeFileSync(DOC, doc.replace(SECTION_END, `${block}\n\n${SECTION_END}`));
  else writeFileSync(DOC, `${doc.trimEnd()}\n\n## Appends\n\n${block}\n`);
  return DOC;
};
