export * from './incident.events';
export * from './incident.state';
export * from './incident.decider';
export type { ReportIncident } from './report-incident.command';
export type { CorrectIncident } from './correct-incident.command';
export type { RetractIncident } from './retract-incident.command';
export type { RecordVerification } from './record-verification.command';
