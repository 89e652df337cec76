import { exitOnFailure, runHttpApp } from '@poc/platform';
import { ProjectorModule } from './projector.module';

/** Follows the store in process (BUS=inprocess) or joins the Kafka consumer group (BUS=kafka). */
runHttpApp('projector', (config) => [ProjectorModule.forRoot(config.BUS)]).catch(exitOnFailure);
