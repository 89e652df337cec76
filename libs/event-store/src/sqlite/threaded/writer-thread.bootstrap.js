// Entry of the SQLite writer thread: loads its TypeScript module (workerData.entry).
// `npm start` runs `node -r @swc-node/register`, and a worker inherits the process's
// execArgv, so .ts files already compile on require here. jest compiles with @swc/jest,
// whose transform does not reach into worker threads: then register @swc-node/register,
// which resolves the @poc/* paths through the tsconfig.json of the working directory.
const { workerData } = require('node:worker_threads');

if (!require.extensions['.ts']) require('@swc-node/register');
require(workerData.entry);
