// Layer rules, checked by `npm run lint` rather than by hope:
//   libs/domain      pure: no Nest, no database, no other lib
//   libs/event-store the store port and adapters: domain only
//   libs/projections pure projections + read-model stores: domain only
//   libs/deterrence  the deterrence engine, run at query time: domain and projections, no I/O
//   libs/reports     the period report: domain, projections and deterrence, no I/O
//   libs/messaging   the bus: domain and event-store
//   libs/privacy     caller keys, sealing, forgetting: domain and event-store
//   libs/postgres    the one way to pool and check out PostgreSQL clients: pg only, no other lib
//   libs/platform    Nest infrastructure shared by apps: any lib, never an app
//   apps/*           composition: libs; only all-in-one may import other apps
//   */src/testing    test kits (@poc/<lib>/testing): for specs, benchmarks and other kits only
/** A lib's public faces: its barrel, its test kit, and platform's six sub-entries. */
const ENTRIES = ['^libs/[^/]+/src/(testing/)?index\\.ts$', '^libs/platform/src/(config|auth|http|health|wiring|projector)/index\\.ts$'];
/** The projector run inside the SQLite writer thread: loaded there by path, without Nest. */
const WRITER_THREAD_PROJECTOR = '^libs/platform/src/projector/feeds/writer-thread\\.plugin\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { pathNot: ['^libs/domain/src', '^node_modules/h3-js'], dependencyTypesNot: ['core', 'type-only'] },
    },
    {
      name: 'domain-no-node-io',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'pure-projections',
      comment: 'Projections and deciders do no I/O: only the runner and store adapters may touch a database.',
      severity: 'error',
      from: { path: '^libs/projections/src/(alerts|incidents|patrols|flights|bases|ieds|presences|retaliation|response-rate|tob-speed|statistics)/', pathNot: '\\.spec\\.ts$' },
      to: { path: ['^node_modules/(better-sqlite3|pg|kafkajs|@nestjs)', '^libs/(event-store|messaging|platform)'] },
    },
    {
      name: 'deterrence-is-pure',
      comment: 'The engine computes on what it is given: the domain and the read models\' shapes, no database, no bus, no Nest, no Node I/O.',
      severity: 'error',
      from: { path: '^libs/deterrence/src', pathNot: ['\\.spec\\.ts$', '^libs/deterrence/src/testing/'] },
      to: {
        path: ['^node_modules/(better-sqlite3|pg|kafkajs|@nestjs)', '^libs/(?!domain/|projections/|deterrence/)'],
      },
    },
    {
      name: 'deterrence-no-node-io',
      severity: 'error',
      from: { path: '^libs/deterrence/src', pathNot: ['\\.spec\\.ts$', '^libs/deterrence/src/testing/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'reports-are-pure',
      comment: 'The report composes figures from what a ReadModelReader returns: no database, bus, Nest or Node I/O of its own.',
      severity: 'error',
      from: { path: '^libs/reports/src', pathNot: '\\.spec\\.ts$' },
      to: { path: ['^node_modules/(better-sqlite3|pg|kafkajs|@nestjs)', '^libs/(?!domain/|projections/|deterrence/|reports/)'] },
    },
    {
      name: 'reports-no-node-io',
      severity: 'error',
      from: { path: '^libs/reports/src', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'projections-below-deterrence',
      comment: 'Read models do not know the engine that reads them (presences have their own episode type).',
      severity: 'error',
      from: { path: '^libs/projections/src' },
      to: { path: '^libs/(deterrence|reports)/' },
    },
    {
      name: 'testing-kits-stay-in-tests',
      comment: 'Contracts, builders and scenarios (libs/*/src/testing, @poc/<lib>/testing) are for specs, benchmarks and test support: production code never imports them.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '^libs/[^/]+/src/testing/'] },
      to: { path: '^libs/[^/]+/src/testing/' },
    },
    {
      name: 'libs-by-their-entries',
      comment: 'An app or a test reaches a lib by its entries only: @poc/<lib>, @poc/<lib>/testing, and @poc/platform/{config,auth,http,health,wiring,projector}.',
      severity: 'error',
      from: { path: '^(apps|tests)/' },
      to: { path: '^libs/', pathNot: ENTRIES },
    },
    {
      name: 'libs-reach-other-libs-by-their-entries',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', ...ENTRIES] },
    },
    {
      name: 'privacy-below-projections',
      comment: 'Caller protection needs the events and their store, nothing above them.',
      severity: 'error',
      from: { path: '^libs/privacy/src' },
      to: { path: '^libs/(projections|messaging)' },
    },
    {
      name: 'postgres-is-a-leaf',
      comment: 'Every lib that talks to PostgreSQL may use it, so it may use none of them (and no Nest).',
      severity: 'error',
      from: { path: '^libs/postgres/src' },
      to: { path: ['^libs/(?!postgres/)', '^apps/', '^node_modules/@nestjs'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'lower-libs-no-nest',
      severity: 'error',
      from: { path: '^libs/(domain|event-store|projections|deterrence|reports|messaging|privacy)/src' },
      to: { path: '^node_modules/@nestjs' },
    },
    {
      name: 'lower-libs-no-platform',
      severity: 'error',
      from: { path: '^libs/(domain|event-store|projections|deterrence|messaging|privacy)/src' },
      to: { path: '^libs/platform' },
    },
    {
      name: 'apps-are-separate',
      comment: 'Only the all-in-one composes other apps; the query-api serves the console (its module only, never its browser code).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/all-in-one/' },
      to: { path: '^apps/([^/]+)/', pathNot: ['^apps/$1/', '^apps/console/src/console\\.module\\.ts$'] },
    },
    {
      name: 'console-web-is-browser-code',
      comment: 'The console runs in a browser: it reaches the system over HTTP only, never by importing it.',
      severity: 'error',
      from: { path: '^apps/console/web/' },
      to: { path: ['^libs/', '^apps/(?!console/web/)', '^node_modules/(@nestjs|pg|better-sqlite3|kafkajs)'] },
    },
    {
      name: 'console-server-does-not-import-web',
      comment: 'The browser sources are bundled by esbuild from their folder, not imported into Node.',
      severity: 'error',
      from: { path: '^apps/console/src/' },
      to: { path: '^apps/console/web/' },
    },
    {
      name: 'writer-thread-projector-is-nest-free',
      comment: 'The writer thread loads its projector without Nest: nothing that module reaches may need it.',
      severity: 'error',
      from: { path: WRITER_THREAD_PROJECTOR },
      to: { path: '^node_modules/@nestjs', reachable: true },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  required: [
    {
      name: 'writer-thread-projector-by-import',
      comment: 'The store loads its writer-thread plugin by a path string: open-embedded takes that path from the plugin module (WRITER_THREAD_PROJECTOR), so the link is an import these rules see.',
      severity: 'error',
      module: { path: '^libs/platform/src/wiring/open-embedded\\.ts$' },
      to: { path: WRITER_THREAD_PROJECTOR },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['dist'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
