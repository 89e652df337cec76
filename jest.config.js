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
// Mirrors tsconfig.json's paths: @poc/<lib> and its entries (@poc/<lib>/testing, @poc/platform/http…).
const moduleNameMapper = {
  '^@poc/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@poc/([a-z-]+)/(.+)$': '<rootDir>/libs/$1/src/$2',
};
const tier = (name) => ({
  // int and e2e need a real PostgreSQL and Kafka: started once for the run, stopped after.
  ...(name !== 'unit' && {
    globalSetup: '<rootDir>/tests/setup/global-setup.ts',
    globalTeardown: '<rootDir>/tests/setup/global-teardown.ts',
  }),
  displayName: name,
  testEnvironment: 'node',
  // content-disposition (under @fastify/static, which Swagger UI loads) ships ESM only; node
  // 20.19 requires it natively, jest's module loader does not, so it is compiled like our code.
  transform: { '^.+\\.ts$': swc, '/node_modules/content-disposition/.+\\.js$': swc },
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper,
  testMatch: [`<rootDir>/{apps,libs,tests}/**/*.${name}.spec.ts`],
  // testTimeout is a global option that projects ignore: each tier sets its own in a setup file.
  setupFilesAfterEnv: [`<rootDir>/tests/setup/timeout.${name}.ts`],
});
module.exports = {
  projects: [tier('unit'), tier('int'), tier('e2e')],
};
