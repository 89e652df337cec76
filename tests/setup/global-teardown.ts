// jest globalTeardown: stops what global-setup.ts started and deletes its temp dir (or keeps
// it with POC_INFRA_KEEP=1, services stopped, for reading the logs and data).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { infraState, setInfraState, stopInfra } from './infra';

export default async function globalTeardown(): Promise<void> {
  const state = infraState();
  if (!state) return; // nothing started here (POC_INFRA=external/off, or setup failed)
  if (state.onSignal) {
    process.off('SIGINT', state.onSignal);
    process.off('SIGTERM', state.onSignal);
  }
  const keep = process.env.POC_INFRA_KEEP === '1';
  try {
    // After Ctrl-C the signal handler is already stopping everything.
    if (state.stopping) await state.stopping;
    else await stopInfra(state.dir, !keep);
  } finally {
    setInfraState(undefined);
    if (process.env.POC_INFRA_DIR === state.dir) {
      delete process.env.DATABASE_URL;
      delete process.env.KAFKA_BROKERS;
      delete process.env.POC_INFRA_DIR;
    }
  }
  if (keep) {
    rmSync(join(state.dir, 'owner.pid'), { force: true }); // so that later runs do not sweep it
    process.stderr.write(`[infra] services stopped; data and logs kept in ${state.dir} (delete it yourself)\n`);
  }
}
