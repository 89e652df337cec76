export * from './event-store.port';
export * from './follow';
