import { CommandApiModule } from '../../command-api/src/command-api.module';
import { QueryApiModule } from '../../query-api/src/query-api.module';
import { runDemo } from './demo/run-demo';
import { ProjectorModule } from '@poc/platform/projector';
import { exitOnFailure, runHttpApp } from '@poc/platform/wiring';

/** The embedded default: write side, projector and read side in one process, on one SQLite file. */
const main = async (): Promise<void> => {
  const { url, config, infra } = await runHttpApp('Protection of civilians — incident tracking', (config) => [
    CommandApiModule,
    QueryApiModule,
    ProjectorModule.forRoot(config.BUS),
  ]);
  if (process.argv.includes('--demo')) await runDemo(url, config, infra.eventStore);
};

main().catch(exitOnFailure);
