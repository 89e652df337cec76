export * from './patrol.events';
export * from './patrol.state';
export * from './patrol.decider';
export type { StopInput } from './patrol-stops';
export type { DeployPatrol } from './deploy-patrol.command';
export type { CompletePatrol } from './complete-patrol.command';
