import { Module } from '@nestjs/common';
import { ConsoleModule } from '../../console/src/console.module';
import { AlertOutcomesController } from './alerts/alert-outcomes.controller';
import { AlertQueriesController } from './alerts/alert-queries.controller';
import { AlertStatusController } from './alerts/alert-status.controller';
import { IncidentQueriesController } from './incidents/incident-queries.controller';
import { WeeklyByCercleController } from './incidents/weekly-by-cercle.controller';
import { JudicialSummaryController } from './judicial/judicial-summary.controller';
import { LiveController } from './live/live.controller';
import { LiveStreams } from './live/live-streams.service';
import { MeController } from './me/me.controller';
import { BaseSpeedController } from './operations/base-speed.controller';
import { BaseQueriesController, FlightQueriesController, IedQueriesController } from './operations/operation-queries.controller';
import { DeterrenceController } from './deterrence/deterrence.controller';
import { FlightHoursQueriesController } from './flight-hours/flight-hours.controller';
import { IedSummaryController } from './ieds/ied-summary.controller';
import { DeterrenceInputs } from './deterrence/deterrence-inputs.service';
import { GEOJSON_CONTROLLERS } from './geojson/geojson-controllers';
import { PatrolQueriesController } from './patrols/patrol-queries.controller';
import { PlacesController } from './places/places.controller';
import { ResponseRateController } from './response-rate/response-rate.controller';
import { RetaliationQueriesController } from './retaliation/retaliation-queries.controller';
import { ReturnsQueriesController } from './returns/returns.controller';
import { ReadModels } from './shared/read-models.service';
import { StreamQueriesController } from './streams/stream-queries.controller';
import { TobsController } from './tobs/tobs.controller';
import { SuppliesSummaryController } from './supplies/supplies-summary.controller';
import { FleetController } from './vehicles/fleet.controller';
import { VehicleQueriesController } from './vehicles/vehicle-queries.controller';
import { CaveatQueriesController } from './caveats/caveat-queries.controller';
import { EvaluationQueriesController, UnitEvaluationsController } from './evaluations/evaluation-queries.controller';
import { ReadSideHealthModule } from '@poc/platform/health';
import { PeriodReportController } from './reports/period-report.controller';
import { AuditQueriesController } from './audit/audit-queries.controller';

/** The read side for the operations centre and analysts. Needs the InfrastructureModule. */
@Module({
  // The web console is served where the reads are: one origin, no CORS.
  imports: [ReadSideHealthModule, ConsoleModule],
  controllers: [
    DeterrenceController,
    // Before AlertQueriesController: `/alerts/outcomes` must not be taken for `GET /alerts/:id`.
    AlertOutcomesController,
    AlertQueriesController,
    AlertStatusController,
    // Before IncidentQueriesController: `/incidents/weekly-by-cercle` must not be taken for `GET /incidents/:id`.
    WeeklyByCercleController,
    IncidentQueriesController,
    PatrolQueriesController,
    // Before FlightQueriesController: `/flights/hours` must not be taken for `GET /flights/:id`.
    FlightHoursQueriesController,
    FlightQueriesController,
    // Before BaseQueriesController: `/bases/speed` must not be taken for `GET /bases/:id`.
    BaseSpeedController,
    BaseQueriesController,
    TobsController,
    // Before IedQueriesController: `/ieds/summary` must not be taken for `GET /ieds/:id`.
    IedSummaryController,
    IedQueriesController,
    StreamQueriesController,
    ResponseRateController,
    RetaliationQueriesController,
    MeController,
    PlacesController,
    VehicleQueriesController,
    FleetController,
    EvaluationQueriesController,
    UnitEvaluationsController,
    CaveatQueriesController,
    ...GEOJSON_CONTROLLERS,
    LiveController,
    JudicialSummaryController,
    ReturnsQueriesController,
    SuppliesSummaryController,
    PeriodReportController,
    AuditQueriesController,
  ],
  providers: [ReadModels, DeterrenceInputs, LiveStreams],
})
export class QueryApiModule {}
