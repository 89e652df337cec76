// Test tiers are named by suffix: *.unit.spec.ts (pure, fast), *.int.spec.ts (real
// adapters: SQLite file, later PostgreSQL and Kafka), *.e2e.spec.ts (separate processes over HTTP).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
  },
];
const moduleNameMapper = {
  '^@poc/domain$': '<rootDir>/libs/domain/src',
  '^@poc/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@poc/event-store$': '<rootDir>/libs/event-store/src',
  '^@poc/messaging$': '<rootDir>/libs/messaging/src',
  '^@poc/projections$': '<rootDir>/libs/projections/src',
  '^@poc/platform$': '<rootDir>/libs/platform/src',
};
const tier = (name, timeout) => ({
  displayName: name,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper,
  testMatch: [`<rootDir>/{apps,libs,tests}/**/*.${name}.spec.ts`],
  testTimeout: timeout,
});
module.exports = {
  projects: [tier('unit', 10_000), tier('int', 30_000), tier('e2e', 120_000)],
};
