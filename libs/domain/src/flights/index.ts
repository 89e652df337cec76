export * from './flight.events';
export * from './flight.state';
export * from './flight.decider';
export type { DispatchFlight } from './dispatch-flight.command';
export type { CompleteFlight } from './complete-flight.command';
