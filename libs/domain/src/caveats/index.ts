export * from './caveat.events';
export * from './caveat.state';
export * from './caveat.decider';
export type { RaiseCaveat } from './raise-caveat.command';
export type { SettleCaveat } from './settle-caveat.command';
