// Test kit: the contract every EventStore adapter passes, and its fixtures. Never imported by
// production code (.dependency-cruiser.js: testing-kits-stay-in-tests).
import { extname, join } from 'node:path';

export * from './event-store.contract';
export { anEvent, someEvents, rejectionOf, waitFor, positionsOf, isStrictlyIncreasing, metadata, type ContractContext } from './contract-fixtures';
export * from './temp-file-store';
export * from './kill-during-appends';
export * from './upcasting-scenario';
export type { CrashOptions } from './crashing-writer-plugin';

/** A writer plugin that crashes on demand, loaded by path inside the writer thread (with this file's extension). */
export const CRASHING_WRITER_PLUGIN = join(__dirname, `crashing-writer-plugin${extname(__filename)}`);
