import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callerKeyStoreContract } from '@poc/privacy/testing';
import { SqliteCallerKeyStore } from './sqlite-caller-key-store';

callerKeyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'caller-keys-'));
  const store = new SqliteCallerKeyStore(join(dir, 'caller-keys.sqlite'));
  return {
    store,
    // The database and whatever journal it left beside it.
    rawBytes: async () => Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f)))),
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
