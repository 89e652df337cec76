/**
 * What every benchmark of this folder shares: the machine it ran on, percentiles, and the
 * one place it writes to — its own section of docs/performance.md, between
 * `<!-- bench:<name>:begin -->` and `<!-- bench:<name>:end -->`. Other engineers edit other
 * sections of that file at the same time, so the file is read just before the write and
 * only the text between this benchmark's markers changes.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const DOC = join(ROOT, 'docs/performance.md');

export const log = (name: string) => (line: string) => process.stderr.write(`[${name}] ${line}\n`);

const sh = (cmd: string): string => {
  try {
    return execFileSync('bash', ['-c', cmd], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};

export type Machine = Readonly<{ date: string; nproc: string; cpu: string; memory: string; node: string; load: string }>;

/** Load average is part of the machine: the box is shared, and a busy neighbour shows there. */
export const machine = (): Machine => ({
  date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  nproc: sh('nproc'),
  cpu: cpus()[0]?.model ?? 'unknown',
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  load: loadavg().map((l) => l.toFixed(2)).join(' '),
});

export const describeMachine = (m: Machine): string =>
  `${m.date}; ${m.nproc} CPU (${m.cpu}), ${m.memory} RAM, Node ${m.node}; load average at start ${m.load}`;

/** Nearest-rank percentile of an unsorted list (q in 0..1). */
export const percentile = (values: readonly number[], q: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
};

export const ms = (value: number, digits = 1): string => (Number.isFinite(value) ? `${value.toFixed(digits)} ms` : '—');
export const int = (value: number): string => Math.round(value).toLocaleString('en-US');
export const pct = (value: number): string => `${(value * 100).toFixed(0)}%`;

/**
 * Replaces the text between this benchmark's markers. A missing section is added at the end
 * with a heading; nothing outside the markers is touched.
 */
export const writeSection = (name: string, heading: string, body: string): void => {
  const begin = `<!-- bench:${name}:begin -->`;
  const end = `<!-- bench:${name}:end -->`;
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  const text = `${begin}\n${body.trim()}\n${end}`;
  const next = from >= 0 && to > from ? `${doc.slice(0, from)}${text}${doc.slice(to + end.length)}` : `${doc.trimEnd()}\n\n## ${heading}\n\n${text}\n`;
  writeFileSync(DOC, next);
};

/** `--name value` and `--flag` arguments, with defaults. */
export const parseArgs = <T extends Record<string, string | number | boolean>>(argv: readonly string[], defaults: T): T => {
  const args: Record<string, string | number | boolean> = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const name = a.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (name.startsWith('no') && typeof defaults[name.slice(2, 3).toLowerCase() + name.slice(3)] === 'boolean') {
      args[name.slice(2, 3).toLowerCase() + name.slice(3)] = false;
      continue;
    }
    if (!(name in defaults)) throw new Error(`unknown option ${a}; known: ${Object.keys(defaults).join(', ')}`);
    if (typeof defaults[name] === 'boolean') args[name] = true;
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${a} needs a value`);
      args[name] = typeof defaults[name] === 'number' ? Number(value) : value;
      if (typeof defaults[name] === 'number' && !Number.isFinite(args[name])) throw new Error(`${a} must be a number`);
    }
  }
  return args as T;
};
