export * from './base.events';
export * from './base.state';
export * from './base.decider';
export type { EstablishBase } from './establish-base.command';
export type { CloseBase } from './close-base.command';
export type { RecordTobActivity } from './record-tob-activity.command';
