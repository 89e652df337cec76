// jest globalSetup: starts a throwaway PostgreSQL 15 and a single-node Kafka broker (via
// infra/up.sh) in a temp dir, on 127.0.0.1 and free ports, and puts DATABASE_URL,
// KAFKA_BROKERS and POC_INFRA_DIR into process.env, which the test workers inherit.
// global-teardown.ts stops them and deletes the dir.
//
//   POC_INFRA=external  use DATABASE_URL and KAFKA_BROKERS as they are (e.g. after
//                       `eval "$(infra/up.sh)"`, to skip the start on every run)
//   POC_INFRA=off       start nothing (tests that need the services will fail)
//   POC_INFRA_KEEP=1    keep the temp dir (data and logs) after the run; it prints where
//   POC_INFRA_VERBOSE=1 show the scripts' progress
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DIR_PREFIX,
  infraState,
  logTails,
  setInfraState,
  startInfra,
  stopInfra,
  stopInfraAfterSignal,
  sweepOrphans,
  warmUpKafka,
  type InfraState,
} from './infra';

type JestGlobalConfig = { watch?: boolean; watchAll?: boolean };

export default async function globalSetup(globalConfig: JestGlobalConfig = {}): Promise<void> {
  const mode = process.env.POC_INFRA ?? 'start';
  if (mode === 'off') return;
  if (mode === 'external') {
    const missing = ['DATABASE_URL', 'KAFKA_BROKERS'].filter((name) => !process.env[name]);
    if (missing.length > 0) throw new Error(`POC_INFRA=external but ${missing.join(' and ')} not set (try: eval "$(infra/up.sh)")`);
    return;
  }
  if (mode !== 'start') throw new Error(`POC_INFRA must be start (default), external or off, not ${mode}`);
  if (infraState()) return; // already up (a second project with the same setup in this run)

  await sweepOrphans();

  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  chmodSync(dir, 0o755); // the postgres OS user must reach the cluster inside
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));

  // Ctrl-C or a kill during setup or the run skips globalTeardown: stop the services anyway.
  // Not in watch mode, where jest handles the keys itself and tears down between runs.
  const state: InfraState = { dir };
  if (!globalConfig.watch && !globalConfig.watchAll) {
    state.onSignal = (signal) => {
      // `once`: a second Ctrl-C gets node's default and quits at once.
      process.stderr.write(`\n[infra] ${signal}: stopping PostgreSQL and Kafka in ${dir} (again to force)\n`);
      const exit = (): never => process.exit(signal === 'SIGINT' ? 130 : 143);
      setTimeout(exit, 120_000).unref();
      state.stopping = stopInfraAfterSignal(dir);
      void state.stopping.finally(exit);
    };
    process.once('SIGINT', state.onSignal);
    process.once('SIGTERM', state.onSignal);
  }
  const forgetSignals = (): void => {
    if (!state.onSignal) return;
    process.off('SIGINT', state.onSignal);
    process.off('SIGTERM', state.onSignal);
  };

  const interrupted = async (): Promise<never> => {
    // A signal came: let its handler finish stopping (it then exits the process).
    await state.stopping;
    throw new Error('interrupted while starting PostgreSQL and Kafka');
  };

  let env: Record<string, string>;
  try {
    env = await startInfra(dir);
  } catch (error) {
    if (state.stopping) await interrupted();
    // up.sh has already stopped whatever did start; the dir stays for its logs (the next
    // run's sweep deletes it).
    forgetSignals();
    (error as Error).message += `\n(files kept in ${dir})`;
    throw error;
  }
  if (state.stopping) await interrupted();
  try {
    await warmUpKafka(env.KAFKA_BROKERS);
  } catch (error) {
    if (state.stopping) await interrupted();
    forgetSignals();
    await stopInfra(dir, false).catch(() => undefined);
    (error as Error).message += `\n${logTails(dir)}\n(files kept in ${dir})`;
    throw error;
  }

  if (state.stopping) await interrupted();

  process.env.DATABASE_URL = env.DATABASE_URL;
  process.env.KAFKA_BROKERS = env.KAFKA_BROKERS;
  process.env.POC_INFRA_DIR = dir;
  setInfraState(state);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `\n[infra] PostgreSQL ${env.DATABASE_URL} and Kafka ${env.KAFKA_BROKERS} up in ${seconds} s (logs in ${dir})\n`,
  );
}
