// @poc/platform/http: the Fastify app every service runs, validation, problem details, headers.
export * from './validation';
export * from './problem.filter';
export * from './write-context';
export * from './create-http-app';
export * from './security-headers';
