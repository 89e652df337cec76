import { fuzzEveryWriteEndpoint } from './fuzz-check';
import { startOnPostgres } from './fuzz-stores';

// Fewer runs than on SQLite: every request is a few round trips to the server.
describe('fuzzing every write endpoint, on PostgreSQL', () => {
  fuzzEveryWriteEndpoint(startOnPostgres, { numRuns: 80 });
});
