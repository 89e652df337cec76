export * from './judicial.events';
export * from './judicial-case.state';
export * from './judicial-case.decider';
export type { OpenJudicialCase } from './open-judicial-case.command';
export type { ChangeJudicialCaseStatus } from './change-judicial-case-status.command';
export type { RecordDetentions } from './record-detentions.command';
export type { RecordConvictions } from './record-convictions.command';
