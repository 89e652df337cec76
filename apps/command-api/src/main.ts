import { CommandApiModule } from './command-api.module';
import { exitOnFailure, runHttpApp } from '@poc/platform/wiring';

runHttpApp('command-api', () => [CommandApiModule]).catch(exitOnFailure);
