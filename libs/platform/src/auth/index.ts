// @poc/platform/auth: API keys and roles, the guard, rate limits.
export * from './api-keys';
export * from './api-key.guard';
export * from './roles.decorator';
export * from './rate-limit-setting';
export * from './alerts-rate-limit';
