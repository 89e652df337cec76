import {
  alertDecider,
  baseDecider,
  flightDecider,
  iedDecider,
  incidentDecider,
  patrolDecider,
  vehicleDecider,
  judicialCaseDecider,
  returnDecider,
  supplyDeliveryDecider,
  evaluationDecider,
  caveatDecider,
  flightHoursDecider,
  type AlertCommand,
  type BaseCommand,
  type Command,
  type Decider,
  type DomainEvent,
  type FlightCommand,
  type IedCommand,
  type IncidentCommand,
  type PatrolCommand,
  type VehicleCommand,
  type JudicialCaseCommand,
  type ReturnCommand,
  type SupplyDeliveryCommand,
  type EvaluationCommand,
  type CaveatCommand,
  type FlightHoursCommand,
} from '@poc/domain';

/** The deciders a scenario drives, by name: a step stays printable and comparable in tests. */
export const DECIDERS = {
  alert: alertDecider,
  flight: flightDecider,
  patrol: patrolDecider,
  base: baseDecider,
  ied: iedDecider,
  incident: incidentDecider,
  vehicle: vehicleDecider,
  judicialCase: judicialCaseDecider,
  return: returnDecider,
  supplyDelivery: supplyDeliveryDecider,
  evaluation: evaluationDecider,
  caveat: caveatDecider,
  flightHours: flightHoursDecider,
} as const;

type Commands = {
  alert: AlertCommand;
  flight: FlightCommand;
  patrol: PatrolCommand;
  base: BaseCommand;
  ied: IedCommand;
  incident: IncidentCommand;
  vehicle: VehicleCommand;
  judicialCase: JudicialCaseCommand;
  return: ReturnCommand;
  supplyDelivery: SupplyDeliveryCommand;
  evaluation: EvaluationCommand;
  caveat: CaveatCommand;
  flightHours: FlightHoursCommand;
};

export type DeciderName = keyof Commands;

/** One command as it was given to the system; `at` is the simulated server clock then. */
export type Step = {
  [D in DeciderName]: Readonly<{ at: string; decider: D; streamId: string; command: Commands[D] }>;
}[DeciderName];

/** The store's handler needs one decider type; the step's name guarantees the pairing. */
export const deciderOf = (step: Step): Decider<unknown, Command, DomainEvent> =>
  DECIDERS[step.decider] as unknown as Decider<unknown, Command, DomainEvent>;

type Bare<C> = C extends Command ? Omit<C, 'context'> : never;

/** A step whose command carries the server time it was given at, as the HTTP edge would. */
export const step = <D extends DeciderName>(decider: D, streamId: string, at: string, command: Bare<Commands[D]>): Step =>
  ({ at, decider, streamId, command: { ...command, context: { now: at } } }) as Step;

/** A time and place where peacekeepers stood: what the deterrence model looks behind. */
export type Presence = Readonly<{ lat: number; lon: number; from: string; to: string }>;

/** The months the scenario covers (UTC days, inclusive); late reports may be recorded after. */
export const SCENARIO_DAYS = { from: '2020-02-01', to: '2020-04-30' } as const;
