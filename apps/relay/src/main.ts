import { RelayModule } from './relay.module';
import { exitOnFailure, runHttpApp } from '@poc/platform/wiring';

runHttpApp('relay', () => [RelayModule]).catch(exitOnFailure);
