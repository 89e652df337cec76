export * from './ied.events';
export * from './ied.state';
export * from './ied.decider';
export * from './ied-detected.upcasters';
export type { DetectIed } from './detect-ied.command';
export type { NeutralizeIed } from './neutralize-ied.command';
export type { RecordIedDetonation } from './record-ied-detonation.command';
