export * from './shared/domain-event';
export * from './shared/domain-error';
export * from './shared/location';
export * from './shared/time';
export * from './shared/envelope';
export * from './alerts';
export * from './flights';
export * from './patrols';
