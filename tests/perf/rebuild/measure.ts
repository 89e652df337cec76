/**
 * One rebuild as an operator runs it: the CLI `rebuild all --no-progress` as a child process
 * under `/usr/bin/time -v`, with what it reports (events/s, the swap), its peak RSS and CPU
 * time, the CPU time of the PostgreSQL server meanwhile, and the load average around it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

export type Measured = {
  store: 'sqlite' | 'postgres';
  batchSize: number;
  events: number;
  rebuildSeconds: number;
  wallSeconds: number;
  rate: number;
  maxRssMb: number;
  documents: number;
  /** CPU seconds (user + system) of the CLI process, and of the PostgreSQL server meanwhile (NaN for SQLite). */
  cpuSeconds: { cli: number; postgres: number };
  /** The swap's transaction, and the index build before it (PostgreSQL), as the CLI reports them. */
  swapMs: number;
  prepareMs: number;
  /** 1-minute load average before and after: the machine is shared, a busy neighbour shows there. */
  load: [number, number];
  stdout: string;
};

/**
 * CPU seconds used so far by the PostgreSQL server whose data directory is `dataDir`: the
 * postmaster, its live children (backends, WAL writer, checkpointer…) and the children it has
 * reaped (backends of connections closed since). Other servers on the machine are left out.
 */
const postgresCpuSeconds = (dataDir: string | undefined): number => {
  if (!dataDir) return NaN;
  const postmaster = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]); // utime, stime, cutime, cstime
      else if (fields[1] === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone meanwhile: its time is in the postmaster's cutime now
    }
  }
  return ticks / 100; // USER_HZ
};

export const runRebuild = (store: 'sqlite' | 'postgres', env: Record<string, string>, batchSize: number, pgData?: string): Promise<Measured> =>
  new Promise((resolvePromise, reject) => {
    const load0 = loadavg()[0]!;
    const pg0 = postgresCpuSeconds(pgData);
    const cli = ['-r', '@swc-node/register', 'apps/analyst-cli/src/main.ts', 'rebuild', 'all', '--no-progress', '--batch-size', String(batchSize)];
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', process.execPath, ...cli], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error', BUS: 'inprocess', EVENT_STORE: store, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      // The CLI's own lines, then /usr/bin/time's report (lines from "Command being timed" on).
      process.stderr.write(stderr.split('\tCommand being timed')[0]!.split('\n').filter(Boolean).map((l) => `[rebuild] ${l}\n`).join(''));
      if (code !== 0) return reject(new Error(`rebuild exited with ${code}\n${stdout}\n${stderr}`));
      const summary = /(\d+) events in ([\d.]+) s \((\d+) events\/s\); the swap took (\d+) ms/.exec(stdout);
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
      const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
      if (!summary || !rss || !user || !system) return reject(new Error(`cannot read the rebuild's output\n${stdout}\n${stderr}`));
      const documents = [...stdout.matchAll(/(\d+) documents/g)].reduce((n, m) => n + Number(m[1]), 0);
      resolvePromise({
        store,
        batchSize,
        events: Number(summary[1]),
        rebuildSeconds: Number(summary[2]),
        wallSeconds,
        rate: Number(summary[3]),
        maxRssMb: Math.round(Number(rss[1]) / 1024),
        documents,
        cpuSeconds: { cli: Number(user[1]) + Number(system[1]), postgres: postgresCpuSeconds(pgData) - pg0 },
        swapMs: Number(summary[4]),
        prepareMs: Number(/indexes built beforehand in (\d+) ms/.exec(stdout)?.[1] ?? 0),
        load: [load0, loadavg()[0]!],
        stdout,
      });
    });
  });

