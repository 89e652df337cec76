// Test kit: episode and incident builders and the seeded scenario generator of the engine's tests.
export * from './builders';
export * from './scenario';
