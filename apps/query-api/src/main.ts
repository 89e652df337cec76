import { QueryApiModule } from './query-api.module';
import { exitOnFailure, runHttpApp } from '@poc/platform/wiring';

runHttpApp('query-api', () => [QueryApiModule]).catch(exitOnFailure);
