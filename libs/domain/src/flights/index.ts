export * from './flight.events';
export * from './flight.state';
export * from './flight.decider';
export * from './flight-dispatched.upcasters';
export type { DispatchFlight } from './dispatch-flight.command';
export type { CompleteFlight } from './complete-flight.command';
