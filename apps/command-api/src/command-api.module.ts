import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AlertsController } from './alerts/alerts.controller';
import { BasesController } from './bases/bases.controller';
import { CaveatsController } from './caveats/caveats.controller';
import { CallersController } from './callers/callers.controller';
import { FlightsController } from './flights/flights.controller';
import { FlightHoursController } from './flight-hours/flight-hours.controller';
import { IedsController } from './ieds/ieds.controller';
import { IncidentsController } from './incidents/incidents.controller';
import { PatrolsController } from './patrols/patrols.controller';
import { RetaliationAssessmentsController } from './retaliation/retaliation-assessments.controller';
import { EvaluationsController } from './evaluations/evaluations.controller';
import { JudicialController } from './judicial/judicial.controller';
import { ReturnsController } from './returns/returns.controller';
import { DecideHandler } from './shared/decide.handler';
import { SuppliesController } from './supplies/supplies.controller';
import { VehiclesController } from './vehicles/vehicles.controller';

/** The write side: HTTP → command → decider → append. Needs the InfrastructureModule. */
@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [AlertsController, CallersController, FlightsController, FlightHoursController, PatrolsController, BasesController, IedsController, IncidentsController, RetaliationAssessmentsController, VehiclesController, EvaluationsController, CaveatsController, JudicialController, ReturnsController, SuppliesController],
  providers: [DecideHandler],
})
export class CommandApiModule {}
