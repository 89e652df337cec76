export * from './alert.events';
export * from './alert.state';
export * from './alert.decider';
export * from './alert-received.upcasters';
export type { ReceiveAlert } from './receive-alert.command';
export type { TriageAlert } from './triage-alert.command';
export type { CloseAlert } from './close-alert.command';
export type { EraseCaller } from './erase-caller.command';
export type { LinkAlertToIncident } from './link-alert-to-incident.command';
