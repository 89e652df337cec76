export * from './event-store.port';
export * from './follow';
export * from './sqlite/sqlite-event-store';
export * from './postgres/postgres-event-store';
export * from './handle-command';
export * from './upcasting-event-store';
export * from './sqlite/threaded/threaded-sqlite-event-store';
export type { WriterPlugin } from './sqlite/threaded/writer-messages';
