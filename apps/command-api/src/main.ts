import { exitOnFailure, runHttpApp } from '@poc/platform';
import { CommandApiModule } from './command-api.module';

runHttpApp('command-api', () => [CommandApiModule]).catch(exitOnFailure);
