import { computeDeterrence, DEFAULT_RADIUS_KM, DeterrenceInputs, SelectionTooLarge, type DeterrenceResult, type ReadModelReader } from '@poc/deterrence';
import {
  alertOutcomes,
  alertsLinkedToIncidentsQuery,
  alertsProjection,
  alertsReceivedQuery,
  basesProjection,
  basesQuery,
  flightsProjection,
  flightsQuery,
  incidentsProjection,
  incidentsQuery,
  patrolsProjection,
  patrolsQuery,
  responseRate,
  tobActivitiesProjection,
  tobActivitiesQuery,
  tobActivitiesSummary,
  tobSpeed,
  tobSpeedFromInformed,
  fleetCandidatesQuery,
  fleetOn,
  vehiclesProjection,
  type VehicleView,
  judicialCasesProjection,
  judicialCasesQuery,
  judicialSummary,
  returnsByCommune,
  returnsProjection,
  returnsQuery,
  suppliesSummary,
  supplyDeliveriesProjection,
  supplyDeliveriesQuery,
  type JudicialCaseView,
  type ReturnView,
  type SupplyDeliveryView,
  caveatSummary,
  caveatsProjection,
  caveatsQuery,
  evaluationSummary,
  evaluationsProjection,
  evaluationsQuery,
  type CaveatView,
  type EvaluationView,
  flightHourAllotmentsProjection,
  flightHourAllotmentsTouching,
  flightHoursByPurpose,
  iedsProjection,
  iedsQuery,
  iedSummary,
  type FlightHourAllotmentView,
  type IedView,
  withKeys,
  type AlertView,
  type BaseView,
  type FlightView,
  type IncidentView,
  type PatrolView,
  type TobActivityView,
  type Projection,
} from '@poc/projections';
import type { ReportSection } from './figure';
import { bounds, type Period } from './period';
import { alertOutcomesSection } from './sections/alert-outcomes.section';
import { alertsSection } from './sections/alerts.section';
import { deterrenceSection } from './sections/deterrence.section';
import { incidentsSection } from './sections/incidents.section';
import { operationsSection } from './sections/operations.section';
import { tobsSection } from './sections/tobs.section';
import { vehiclesSection } from './sections/vehicles.section';
import { judicialSection, returnsAndSuppliesSection } from './sections/justice.section';
import { evaluationsSection } from './sections/evaluations.section';
import { flightHoursSection, iedsSection } from './sections/flights-and-ieds.section';

export type PeriodReport = Readonly<{ period: Period; sections: readonly ReportSection[] }>;

/** Sections fetched through the reader, each read model read once for all the sections it feeds. */
export type SectionSource = (reader: ReadModelReader, period: Period) => Promise<ReportSection | readonly ReportSection[]>;

const byKeys = <Doc>(reader: ReadModelReader, projection: Projection<Doc>, keys: readonly string[]): Promise<Doc[]> =>
  keys.length === 0 ? Promise.resolve([]) : reader.find(projection, withKeys(keys));

const incidents: SectionSource = async (reader, period) => {
  const b = bounds(period);
  return incidentsSection(await reader.find<IncidentView>(incidentsProjection, incidentsQuery({ occurredFrom: b.from, occurredTo: b.to })), period);
};

const alerts: SectionSource = async (reader, period) => {
  const range = bounds(period);
  const received = await reader.find<AlertView>(alertsProjection, alertsReceivedQuery(range));
  const flightIds = [...new Set(received.flatMap((a) => a.responses.filter((r) => r.kind === 'flight').map((r) => r.id)))];
  return [
    alertsSection(received, responseRate(received, await byKeys<FlightView>(reader, flightsProjection, flightIds), range), period),
    alertOutcomesSection(alertOutcomes(received, range), period),
  ];
};

const operations: SectionSource = async (reader, period) => {
  const b = bounds(period);
  const [patrols, flights] = await Promise.all([
    reader.find<PatrolView>(patrolsProjection, patrolsQuery({ startedFrom: b.from, startedTo: b.to })),
    reader.find<FlightView>(flightsProjection, flightsQuery({ dispatchedFrom: b.from, dispatchedTo: b.to })),
  ]);
  return [operationsSection(patrols, flights, period)];
};

const tobs: SectionSource = async (reader, period) => {
  const b = bounds(period);
  const bases = await reader.find<BaseView>(basesProjection, basesQuery({ establishedFrom: b.from, establishedTo: b.to }));
  const triggerIds = [...new Set(bases.flatMap((x) => (x.triggerIncidentId ? [x.triggerIncidentId] : [])))];
  const [triggers, linked, activities] = await Promise.all([
    byKeys<IncidentView>(reader, incidentsProjection, triggerIds),
    triggerIds.length === 0 ? Promise.resolve([]) : reader.find<AlertView>(alertsProjection, alertsLinkedToIncidentsQuery(triggerIds)),
    reader.find<TobActivityView>(tobActivitiesProjection, tobActivitiesQuery(b)),
  ]);
  return [tobsSection(tobSpeedFromInformed(bases, triggers, linked, b), tobSpeed(bases, triggers, b), tobActivitiesSummary(activities, b), period)];
};

const vehicles: SectionSource = async (reader, period) => {
  const end = bounds(period).to;
  return vehiclesSection(fleetOn(await reader.find<VehicleView>(vehiclesProjection, fleetCandidatesQuery(end)), period.to, period.asOf));
};

const judicial: SectionSource = async (reader, period) => {
  const cases = await reader.find<JudicialCaseView>(judicialCasesProjection, judicialCasesQuery({ openedTo: bounds(period).to, recordedBy: period.asOf }));
  return judicialSection(judicialSummary(cases, period.to, period.asOf), period);
};

const returnsAndSupplies: SectionSource = async (reader, period) => {
  const b = bounds(period);
  const [returns, deliveries] = await Promise.all([
    reader.find<ReturnView>(returnsProjection, returnsQuery({ returnedFrom: b.from, returnedTo: b.to, recordedBy: period.asOf })),
    reader.find<SupplyDeliveryView>(supplyDeliveriesProjection, supplyDeliveriesQuery({ deliveredFrom: b.from, deliveredTo: b.to, recordedBy: period.asOf })),
  ]);
  const range = { ...b, asOf: period.asOf };
  return returnsAndSuppliesSection(returnsByCommune(returns, range), suppliesSummary(deliveries, range), period);
};

const evaluations: SectionSource = async (reader, period) => {
  const b = bounds(period);
  const [evaluated, caveats] = await Promise.all([
    reader.find<EvaluationView>(evaluationsProjection, evaluationsQuery({ evaluatedFrom: b.from, evaluatedTo: b.to })),
    reader.find<CaveatView>(caveatsProjection, caveatsQuery({ raisedFrom: b.from, raisedTo: b.to })),
  ]);
  const window = { ...b, asOf: period.asOf };
  return evaluationsSection(evaluationSummary(evaluated, window), caveatSummary(caveats, window), period);
};

const flightHours: SectionSource = async (reader, period) => {
  const b = bounds(period);
  const [flights, allotments] = await Promise.all([
    reader.find<FlightView>(flightsProjection, flightsQuery({ takeOffFrom: b.from, takeOffTo: b.to })),
    reader.find<FlightHourAllotmentView>(flightHourAllotmentsProjection, flightHourAllotmentsTouching(b)),
  ]);
  return flightHoursSection(flightHoursByPurpose(flights, allotments, b), period);
};

const ieds: SectionSource = async (reader, period) => {
  const b = bounds(period);
  return iedsSection(iedSummary(await reader.find<IedView>(iedsProjection, iedsQuery({ detectedFrom: b.from, detectedTo: b.to })), b), period);
};

const deterrence: SectionSource = async (reader, period) => {
  const inputs = new DeterrenceInputs(reader);
  const filter = { from: period.from, to: period.to };
  let result: DeterrenceResult | { refused: string };
  try {
    const focal = await inputs.focal(filter, period.asOf);
    result = computeDeterrence({ ...(await inputs.forPresences(focal, { radiusKm: DEFAULT_RADIUS_KM, asOf: period.asOf })), asOf: period.asOf, radiusKm: DEFAULT_RADIUS_KM, filter });
  } catch (e) {
    if (!(e instanceof SelectionTooLarge)) throw e;
    result = { refused: `not computed: ${e.message}` };
  }
  return deterrenceSection(result, period);
};

/** The sections of the report, in the order it prints them; issue 16's areas add theirs. */
export const PERIOD_REPORT_SECTIONS: readonly SectionSource[] = [incidents, alerts, operations, flightHours, ieds, tobs, deterrence, vehicles, evaluations, judicial, returnsAndSupplies];

/** Every figure of the period, each with the route that lists what it counts. */
export const gatherPeriodReport = async (reader: ReadModelReader, period: Period, sections: readonly SectionSource[] = PERIOD_REPORT_SECTIONS): Promise<PeriodReport> => ({
  period,
  sections: (await Promise.all(sections.map((s) => s(reader, period)))).flat(),
});
