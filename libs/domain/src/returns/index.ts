export * from './returns.events';
export * from './return.state';
export * from './return.decider';
export type { RecordReturn } from './record-return.command';
