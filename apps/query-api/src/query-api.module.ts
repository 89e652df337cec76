import { Module } from '@nestjs/common';
import { AlertQueriesController } from './alerts/alert-queries.controller';
import { IncidentQueriesController } from './incidents/incident-queries.controller';
import { BaseQueriesController, FlightQueriesController, IedQueriesController } from './operations/operation-queries.controller';
import { PatrolDeterrenceService } from './patrols/patrol-deterrence.service';
import { PatrolQueriesController } from './patrols/patrol-queries.controller';
import { ReadModels } from './shared/read-models.service';
import { StreamQueriesController } from './streams/stream-queries.controller';

/** The read side for the operations centre and analysts. Needs the InfrastructureModule. */
@Module({
  controllers: [
    AlertQueriesController,
    IncidentQueriesController,
    PatrolQueriesController,
    FlightQueriesController,
    BaseQueriesController,
    IedQueriesController,
    StreamQueriesController,
  ],
  providers: [ReadModels, PatrolDeterrenceService],
})
export class QueryApiModule {}
