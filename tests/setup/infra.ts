// Runs infra/up.sh and infra/down.sh for jest's global setup and teardown: a throwaway
// PostgreSQL 15 and a single-node KRaft Kafka broker on 127.0.0.1, free ports, in a temp dir.
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

export const ROOT = resolve(__dirname, '../..');
export const UP = join(ROOT, 'infra/up.sh');
export const DOWN = join(ROOT, 'infra/down.sh');
/** Temp dirs of test runs are named so; `owner.pid` inside names the jest process. */
export const DIR_PREFIX = 'poc-infra-';

/** Longest a start may take: a fresh machine installs packages and downloads the jars first. */
const START_TIMEOUT_MS = 20 * 60_000;
const STOP_TIMEOUT_MS = 2 * 60_000;

/**
 * What global-setup.ts started, for global-teardown.ts: jest loads the two files as separate
 * modules in the same process, so the state lives on globalThis.
 */
export type InfraState = {
  dir: string;
  onSignal?: (signal: NodeJS.Signals) => void;
  /** Set once a signal handler has begun stopping everything. */
  stopping?: Promise<void>;
};
const STATE_KEY = '__pocInfraState';
export const infraState = (): InfraState | undefined =>
  (globalThis as Record<string, unknown>)[STATE_KEY] as InfraState | undefined;
export const setInfraState = (state: InfraState | undefined): void => {
  (globalThis as Record<string, unknown>)[STATE_KEY] = state;
};

const say = (line: string): void => {
  process.stderr.write(`[infra] ${line}\n`);
};

/** Scripts still running (and their ends), so that a signal handler can end a start half-way. */
const running = new Map<ChildProcess, Promise<unknown>>();

export type ScriptResult = { ok: boolean; stdout: string; stderr: string; error?: Error };

/**
 * Runs a script, collecting its output. Lines about slow first-run steps (apt-get, Maven) are
 * passed through live, or every line with POC_INFRA_VERBOSE=1.
 */
export const runScript = (file: string, args: string[], timeoutMs: number): Promise<ScriptResult> => {
  let child!: ChildProcess;
  const result = new Promise<ScriptResult>((done) => {
    const verbose = process.env.POC_INFRA_VERBOSE === '1';
    child = execFile(
      file,
      args,
      { cwd: ROOT, timeout: timeoutMs, killSignal: 'SIGTERM', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        running.delete(child);
        done({ ok: !error, stdout, stderr, error: error ?? undefined });
      },
    );
    let partial = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (verbose || /installing with apt-get|fetching Kafka|ERROR/.test(line)) process.stderr.write(`${line}\n`);
      }
    });
  });
  running.set(child, result);
  return result;
};

/** `NAME=value` lines (optionally prefixed with `export `) into an object. */
export const parseEnv = (text: string): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^(?:export\s+)?([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]] = match[2];
  }
  return env;
};

const tail = (file: string, lines: number): string => {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no such file)';
  }
};

/** The last lines of the services' own logs under an infra dir, for error messages. */
export const logTails = (dir: string, lines = 40): string =>
  [
    join(dir, 'postgres/postgres.log'),
    existsSync(join(dir, 'kafka/kafka.log')) ? join(dir, 'kafka/kafka.log') : join(dir, 'kafka/format.log'),
  ]
    .filter((file) => existsSync(file))
    .map((file) => `---- last ${lines} lines of ${file} ----\n${tail(file, lines)}`)
    .join('\n');

/** A readable failure: what the script said (it prints log tails itself) and the logs. */
export const failure = (what: string, dir: string, result: ScriptResult): Error => {
  const said = result.stderr.split('\n').slice(-150).join('\n');
  const logs = said.includes('---- last') ? '' : `\n${logTails(dir)}`;
  return new Error(`${what} failed (${result.error?.message.split('\n')[0] ?? 'unknown error'})\n${said}${logs}`);
};

export const startInfra = async (dir: string): Promise<Record<string, string>> => {
  const result = await runScript(UP, [dir], START_TIMEOUT_MS);
  if (!result.ok) throw failure(`infra/up.sh ${dir}`, dir, result);
  const env = parseEnv(result.stdout);
  if (!env.DATABASE_URL || !env.KAFKA_BROKERS) {
    throw failure(`infra/up.sh ${dir} (no DATABASE_URL/KAFKA_BROKERS in its output: ${result.stdout})`, dir, result);
  }
  return env;
};

/**
 * The broker creates its consumer-offsets topic on the first group request and answers
 * "group coordinator not available" until it exists. Ask once here, quietly, so the first
 * consumer group of a test joins at once and no test log shows that (retried) error.
 */
export const warmUpKafka = async (brokers: string, timeoutMs = 30_000): Promise<void> => {
  const admin = new Kafka({ clientId: 'poc-infra-warmup', brokers: [brokers], logLevel: logLevel.NOTHING }).admin();
  const deadline = Date.now() + timeoutMs;
  await admin.connect();
  try {
    for (;;) {
      try {
        await admin.describeGroups(['poc-infra-warmup']);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`Kafka at ${brokers} has no group coordinator: ${(error as Error).message}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  } finally {
    await admin.disconnect();
  }
};

export const stopInfra = async (dir: string, purge: boolean): Promise<void> => {
  const result = await runScript(DOWN, purge ? [dir, '--purge'] : [dir], STOP_TIMEOUT_MS);
  if (!result.ok) throw failure(`infra/down.sh ${dir}`, dir, result);
};

/**
 * For signal handlers: ends a start still in progress (the scripts stop what they had
 * started when they get SIGTERM), waits for it, then stops everything and deletes the dir.
 * Never throws.
 */
export const stopInfraAfterSignal = async (dir: string): Promise<void> => {
  const pending = [...running];
  for (const [child] of pending) child.kill('SIGTERM');
  await Promise.allSettled(pending.map(([, ended]) => ended));
  try {
    await stopInfra(dir, true);
  } catch (error) {
    say(`could not stop the services in ${dir}: ${(error as Error).message}`);
  }
};

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Stops and deletes the services of earlier runs whose jest process is gone (killed with
 * SIGKILL, a crashed machine session): otherwise their brokers would stay up for good.
 */
export const sweepOrphans = async (): Promise<void> => {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((name) => name.startsWith(DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    let owner: number;
    try {
      if (!statSync(dir).isDirectory()) continue;
      owner = Number(readFileSync(ownerFile, 'utf8').trim());
    } catch {
      continue; // not ours, or still being created
    }
    if (!Number.isInteger(owner) || owner <= 0 || processAlive(owner)) continue;
    say(`stopping services left behind by jest process ${owner} in ${dir}`);
    const result = await runScript(DOWN, [dir, '--purge'], STOP_TIMEOUT_MS);
    if (!result.ok) say(`could not clean ${dir}:\n${result.stderr}`);
  }
};
