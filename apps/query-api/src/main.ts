import { exitOnFailure, runHttpApp } from '@poc/platform';
import { QueryApiModule } from './query-api.module';

runHttpApp('query-api', () => [QueryApiModule]).catch(exitOnFailure);
