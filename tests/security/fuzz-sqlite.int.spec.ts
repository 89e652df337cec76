import { fuzzEveryWriteEndpoint } from './fuzz-check';
import { startOnSqlite } from './fuzz-stores';

describe('fuzzing every write endpoint, on SQLite', () => {
  fuzzEveryWriteEndpoint(startOnSqlite, { numRuns: 200 });
});
