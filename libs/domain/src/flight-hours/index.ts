export * from './flight-hours.events';
export * from './flight-hours.state';
export * from './flight-hours.decider';
export { isMonth, MAX_MONTHLY_FLIGHT_HOURS, type AllotFlightHours } from './allot-flight-hours.command';
