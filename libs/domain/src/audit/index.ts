export * from './audit.events';
export * from './audit.state';
export * from './audit.decider';
export type { RecordCallerRead } from './record-caller-read.command';
