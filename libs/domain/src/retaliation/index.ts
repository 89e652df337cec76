export * from './retaliation.events';
export * from './retaliation.state';
export * from './retaliation.decider';
export type { AssessRetaliation } from './assess-retaliation.command';
