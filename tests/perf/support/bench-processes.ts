/**
 * Apps as child processes for benchmarks. Unlike tests/support/app-process.ts, a child's
 * output goes to a file, not into this process's memory: at thousands of requests a second
 * an access log would otherwise grow the benchmark's own heap and steal its CPU.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../support/app-process';
import { ROOT } from './bench-report';

export type BenchApp = Readonly<{
  name: string;
  url: string;
  pid: number;
  child: ChildProcess;
  logFile: string;
  stop: () => Promise<void>;
}>;

export const APPS = {
  allInOne: 'apps/all-in-one/src/main.ts',
  commandApi: 'apps/command-api/src/main.ts',
  queryApi: 'apps/query-api/src/main.ts',
  relay: 'apps/relay/src/main.ts',
  projector: 'apps/projector/src/main.ts',
} as const;

export type StartOptions = Readonly<{ env: Record<string, string>; logDir: string; nodeArgs?: readonly string[]; timeoutMs?: number }>;

/** Starts `entry` (a path under the repo, or an absolute one) and waits for GET /health = 200. */
export const startBenchApp = async (name: string, entry: string, options: StartOptions): Promise<BenchApp> => {
  const port = await freePort();
  mkdirSync(options.logDir, { recursive: true });
  const logFile = join(options.logDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ...options.env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become healthy:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    url,
    pid: child.pid!,
    child,
    logFile,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(killer);
    },
  };
};

/** Resident set size now and its peak so far (VmHWM), in MB, from /proc. */
export const rssOf = (pid: number): { rssMb: number; peakMb: number } | undefined => {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
};

/** CPU seconds (user + system) a process has used, from /proc/<pid>/stat. */
export const cpuSecondsOf = (pid: number): number => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after "pid (comm) ".
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
};

export const BENCH_KEYS = { operator: 'operator-bench-key-0001', ops: 'ops-bench-key-0001', analyst: 'analyst-bench-key-0001' };
export const BENCH_API_KEYS = `operator:${BENCH_KEYS.operator},ops:${BENCH_KEYS.ops},analyst:${BENCH_KEYS.analyst}`;
