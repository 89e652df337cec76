import { ProjectorModule } from '@poc/platform/projector';
import { exitOnFailure, runHttpApp } from '@poc/platform/wiring';

/** Follows the store in process (BUS=inprocess) or joins the Kafka consumer group (BUS=kafka). */
runHttpApp('projector', (config) => [ProjectorModule.forRoot(config.BUS)]).catch(exitOnFailure);
