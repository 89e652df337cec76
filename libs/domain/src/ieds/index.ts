export * from './ied.events';
export * from './ied.state';
export * from './ied.decider';
export type { DetectIed } from './detect-ied.command';
export type { NeutralizeIed, RecordIedDetonation } from './neutralize-ied.command';
