import { alertsProjection } from './alerts/alerts.projection';
import { basesProjection } from './bases/bases.projection';
import { flightsProjection } from './flights/flights.projection';
import { flightHourAllotmentsProjection } from './flight-hours/flight-hour-allotments.projection';
import { iedsProjection } from './ieds/ieds.projection';
import { incidentsProjection } from './incidents/incidents.projection';
import { patrolsProjection } from './patrols/patrols.projection';
import { presencesProjection } from './presences/presences.projection';
import { retaliationVerdictsProjection } from './retaliation/retaliation-verdicts.projection';
import { judicialCasesProjection } from './judicial/judicial-cases.projection';
import { returnsProjection } from './returns/returns.projection';
import { supplyDeliveriesProjection } from './supplies/supply-deliveries.projection';
import { vehiclesProjection } from './vehicles/vehicles.projection';
import { evaluationsProjection } from './evaluations/evaluations.projection';
import { caveatsProjection } from './caveats/caveats.projection';
import { tobActivitiesProjection } from './tob-activities/tob-activities.projection';
import { auditProjection } from './audit/audit.projection';
import type { Projection } from './projection';

export const ALL_PROJECTIONS: readonly Projection[] = [
  alertsProjection,
  incidentsProjection,
  patrolsProjection,
  flightsProjection,
  flightHourAllotmentsProjection,
  basesProjection,
  iedsProjection,
  presencesProjection,
  retaliationVerdictsProjection,
  tobActivitiesProjection,
  vehiclesProjection,
  judicialCasesProjection,
  returnsProjection,
  supplyDeliveriesProjection,
  evaluationsProjection,
  caveatsProjection,
  auditProjection,
];
