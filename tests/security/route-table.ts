import { requests as r, type RequestBuilder } from './route-table.requests';
import { type ApiRole } from '@poc/platform/auth';

/**
 * Who may call which route, one line per route: the rule of ../shared/API.md ("Common")
 * written out. `operator` may only post alerts; `ops` every write and read; `analyst` reads,
 * stream history and exports; `admin` everything (listed on each row all the same, so a row
 * reads on its own). `public` routes need no key. Every route an app serves must have a row
 * here (roles.int.spec.ts compares with what the app really serves), so a new route cannot
 * slip in without someone deciding who may call it.
 */
export type Access = 'public' | readonly ApiRole[];
export type RouteRow = Readonly<{
  /** METHOD and path template, `{param}` as in the OpenAPI document. */
  route: string;
  may: Access;
  /** A valid request; without one, the route's path is sent as it is. */
  request?: RequestBuilder;
  /** A public route's answer when it is not 2xx (for every caller alike). */
  status?: number;
}>;

const row = (route: string, may: Access, request?: RequestBuilder, status?: number): RouteRow => ({
  route,
  may,
  ...(request && { request }),
  ...(status && { status }),
});

/** Served by every app: platform health and the OpenAPI document and UI. */
export const PLATFORM_ROUTES: readonly RouteRow[] = [
  row('GET /health', 'public'),
  row('GET /docs', 'public'),
  row('GET /docs/', 'public'),
  row('GET /docs/index.html', 'public'),
  row('GET /docs/swagger-ui-init.js', 'public'),
  row('GET /docs/docs/swagger-ui-init.js', 'public'),
  row('GET /docs/*', 'public', r.docsAsset),
  // @nestjs/swagger registers it only to refuse it: the same 404 whoever asks.
  row('GET /docs/LICENSE', 'public', undefined, 404),
  row('GET /docs-json', 'public'),
  row('GET /docs-yaml', 'public'),
];

/** apps/command-api: the write side. */
export const COMMAND_ROUTES: readonly RouteRow[] = [
  row('POST /alerts', ['operator', 'ops', 'admin'], r.receiveAlert),
  row('POST /alerts/{id}/triage', ['ops', 'admin'], r.triageAlert),
  row('POST /alerts/{id}/close', ['ops', 'admin'], r.closeAlert),
  row('POST /alerts/{id}/link-incident', ['ops', 'admin'], r.linkAlertToIncident),
  // The caller's name and phone: personal data, opened for the operations centre only,
  // erased for good only by an admin (a privacy request).
  row('GET /alerts/{id}/caller', ['ops', 'admin'], r.showCaller),
  row('DELETE /alerts/{id}/caller', ['admin'], r.forgetCaller),
  row('POST /flights', ['ops', 'admin'], r.dispatchFlight),
  row('POST /flights/{id}/complete', ['ops', 'admin'], r.completeFlight),
  row('POST /flight-hours/allotments', ['ops', 'admin'], r.allotFlightHours),
  row('POST /patrols', ['ops', 'admin'], r.deployPatrol),
  row('POST /patrols/{id}/complete', ['ops', 'admin'], r.completePatrol),
  row('POST /bases', ['ops', 'admin'], r.establishBase),
  row('POST /bases/{id}/close', ['ops', 'admin'], r.closeBase),
  row('POST /bases/{id}/activities', ['ops', 'admin'], r.recordTobActivity),
  row('POST /ieds', ['ops', 'admin'], r.detectIed),
  row('POST /ieds/{id}/neutralize', ['ops', 'admin'], r.neutralizeIed),
  row('POST /ieds/{id}/detonation', ['ops', 'admin'], r.detonateIed),
  row('POST /incidents', ['ops', 'admin'], r.reportIncident),
  row('POST /incidents/{id}/correct', ['ops', 'admin'], r.correctIncident),
  row('POST /incidents/{id}/retract', ['ops', 'admin'], r.retractIncident),
  // Analysts verify too: they defend the figures they send (issue 17).
  row('POST /incidents/{id}/verification', ['ops', 'analyst', 'admin'], r.verifyIncident),
  // The one write analysts may make: their verdict on a retaliation candidate (DOMAIN.md,
  // "Retaliation"; docs/response-rate.md) — beyond API.md's "reads, stream history, exports".
  row('POST /retaliation-assessments', ['analyst', 'ops', 'admin'], r.assessRetaliation),
  row('POST /judicial/cases', ['ops', 'admin'], r.openJudicialCase),
  row('POST /judicial/cases/{id}/status', ['ops', 'admin'], r.changeJudicialCaseStatus),
  row('POST /judicial/cases/{id}/detentions', ['ops', 'admin'], r.recordDetentions),
  row('POST /judicial/cases/{id}/convictions', ['ops', 'admin'], r.recordConvictions),
  row('POST /returns', ['ops', 'admin'], r.recordReturn),
  row('POST /supplies', ['ops', 'admin'], r.recordSupplyDelivery),
  row('POST /vehicles', ['ops', 'admin'], r.registerVehicle),
  row('POST /vehicles/{id}/status', ['ops', 'admin'], r.changeVehicleStatus),
  row('POST /vehicles/{id}/write-off', ['ops', 'admin'], r.writeOffVehicle),
  row('POST /evaluations', ['ops', 'admin'], r.evaluateUnit),
  row('POST /evaluations/{id}/improvement-plan', ['ops', 'admin'], r.issueImprovementPlan),
  row('POST /evaluations/{id}/improvement-plan/measures', ['ops', 'admin'], r.recordImprovementMeasure),
  row('POST /evaluations/{id}/improvement-plan/close', ['ops', 'admin'], r.closeImprovementPlan),
  row('POST /caveats', ['ops', 'admin'], r.raiseCaveat),
  row('POST /caveats/{id}/settle', ['ops', 'admin'], r.settleCaveat),
];

/** apps/query-api: the read side. */
export const QUERY_ROUTES: readonly RouteRow[] = [
  // The web console's page and bundle: public, the key is typed into the page (apps/console).
  row('GET /', 'public'),
  row('GET /console/{file}', 'public', undefined, 404),
  row('GET /alerts', ['ops', 'analyst', 'admin'], r.alerts),
  row('GET /alerts/outcomes', ['ops', 'analyst', 'admin'], r.alertOutcomes),
  row('GET /alerts/{id}', ['ops', 'analyst', 'admin'], r.alert),
  // Progress only (no caller, place or description): operators follow the alerts they typed.
  row('GET /alerts/{id}/status', ['operator', 'ops', 'analyst', 'admin'], r.alertStatus),
  row('GET /flights', ['ops', 'analyst', 'admin'], r.flights),
  row('GET /flights/hours', ['ops', 'analyst', 'admin'], r.flightHours),
  row('GET /flights/{id}', ['ops', 'analyst', 'admin'], r.flight),
  row('GET /patrols', ['ops', 'analyst', 'admin'], r.patrols),
  row('GET /patrols/{id}', ['ops', 'analyst', 'admin'], r.patrol),
  row('GET /patrols/{id}/deterrence', ['ops', 'analyst', 'admin'], r.patrolDeterrence),
  row('GET /bases', ['ops', 'analyst', 'admin'], r.bases),
  row('GET /bases/speed', ['ops', 'analyst', 'admin'], r.baseSpeed),
  row('GET /bases/{id}', ['ops', 'analyst', 'admin'], r.base),
  row('GET /tobs/speed', ['ops', 'analyst', 'admin'], r.tobSpeed),
  row('GET /tobs/activities', ['ops', 'analyst', 'admin'], r.tobActivities),
  row('GET /ieds', ['ops', 'analyst', 'admin'], r.ieds),
  row('GET /ieds/summary', ['ops', 'analyst', 'admin'], r.iedSummary),
  row('GET /ieds/{id}', ['ops', 'analyst', 'admin'], r.ied),
  row('GET /incidents', ['ops', 'analyst', 'admin'], r.incidents),
  row('GET /incidents/daily', ['ops', 'analyst', 'admin'], r.incidentsDaily),
  row('GET /incidents/weekly-by-cercle', ['ops', 'analyst', 'admin'], r.incidentsWeeklyByCercle),
  row('GET /incidents/{id}', ['ops', 'analyst', 'admin'], r.incident),
  row('GET /deterrence', ['ops', 'analyst', 'admin'], r.deterrence),
  row('GET /deterrence/chart.svg', ['ops', 'analyst', 'admin'], r.deterrenceChart),
  row('GET /response-rate', ['ops', 'analyst', 'admin'], r.responseRate),
  row('GET /reports/period', ['ops', 'analyst', 'admin'], r.periodReport),
  row('GET /retaliation-assessments', ['ops', 'analyst', 'admin'], r.retaliationAssessments),
  // Case references and counts only: no name of a suspect anywhere.
  row('GET /judicial/summary', ['ops', 'analyst', 'admin'], r.judicialSummary),
  row('GET /returns', ['ops', 'analyst', 'admin'], r.returns),
  row('GET /supplies/summary', ['ops', 'analyst', 'admin'], r.suppliesSummary),
  row('GET /vehicles', ['ops', 'analyst', 'admin'], r.vehicles),
  row('GET /vehicles/{id}', ['ops', 'analyst', 'admin'], r.vehicle),
  row('GET /fleet', ['ops', 'analyst', 'admin'], r.fleet),
  row('GET /evaluations', ['ops', 'analyst', 'admin'], r.evaluations),
  row('GET /evaluations/summary', ['ops', 'analyst', 'admin'], r.evaluationsSummary),
  row('GET /evaluations/{id}', ['ops', 'analyst', 'admin'], r.evaluation),
  row('GET /units/{id}/evaluations', ['ops', 'analyst', 'admin'], r.unitEvaluations),
  row('GET /caveats', ['ops', 'analyst', 'admin'], r.caveats),
  row('GET /caveats/summary', ['ops', 'analyst', 'admin'], r.caveatsSummary),
  row('GET /caveats/{id}', ['ops', 'analyst', 'admin'], r.caveat),
  row('GET /streams/{streamId}', ['ops', 'analyst', 'admin'], r.stream),
  // Who read or forgot which caller: admins only, as it says who looked at whom.
  row('GET /audit', ['admin'], r.audit),
  // The console's map layers (RFC 7946 FeatureCollections): no caller data on any.
  row('GET /incidents.geojson', ['ops', 'analyst', 'admin'], r.incidentsGeoJson),
  row('GET /alerts.geojson', ['ops', 'analyst', 'admin'], r.alertsGeoJson),
  row('GET /patrols.geojson', ['ops', 'analyst', 'admin'], r.patrolsGeoJson),
  row('GET /bases.geojson', ['ops', 'analyst', 'admin'], r.basesGeoJson),
  row('GET /ieds.geojson', ['ops', 'analyst', 'admin'], r.iedsGeoJson),
  row('GET /flights.geojson', ['ops', 'analyst', 'admin'], r.flightsGeoJson),
  // Nothing personal: every key may ask who it is and look up the gazetteer.
  row('GET /me', ['operator', 'ops', 'analyst', 'admin']),
  row('GET /places', ['operator', 'ops', 'analyst', 'admin'], r.places),
  // Positions, types and stream ids only; never ending unless follow=false.
  row('GET /live', ['ops', 'analyst', 'admin'], r.live),
];

/** apps/relay: its lease and position, for the operations centre and analysts watching lag. */
export const RELAY_ROUTES: readonly RouteRow[] = [row('GET /relay', ['ops', 'analyst', 'admin'], r.relayStatus)];
