// @poc/platform/health: GET /health and the read side's follow check.
export { HEALTH_LAG, type LagSource } from './health.controller';
export { ReadSideHealthModule } from './read-side-health.module';
