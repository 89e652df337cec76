// @poc/platform/wiring: which adapters run (embedded SQLite or PostgreSQL + Kafka), their Nest
// providers, and how an app process starts and stops.
export * from './infrastructure.module';
export * from './open-infrastructure';
export * from './kafka-infrastructure';
export * from './unavailable';
export * from './run-http-app';
export * from './process-guard';
