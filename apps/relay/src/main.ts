import { exitOnFailure, runHttpApp } from '@poc/platform';
import { RelayModule } from './relay.module';

runHttpApp('relay', () => [RelayModule]).catch(exitOnFailure);
