import { appendContract } from './contract-append';
import { groupContract } from './contract-group';
import { idempotencyContract } from './contract-idempotency';
import { liveContract } from './contract-live';
import { readContract } from './contract-read';
import type { ContractContext, EventStoreFactory } from './contract-fixtures';

export type { EventStoreFactory } from './contract-fixtures';

/**
 * The behaviour every EventStore adapter must have, written once. Call it from an
 * adapter's spec; `factory` must return an empty store, and is called before each test.
 *
 *   eventStoreContract('SQLite', async () => ({ store, teardown }));
 */
export const eventStoreContract = (name: string, factory: EventStoreFactory): void => {
  describe(`EventStore contract: ${name}`, () => {
    const ctx = {} as ContractContext;
    let teardown: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const made = await factory();
      ctx.store = made.store;
      teardown = made.teardown;
    });

    afterEach(async () => {
      await teardown?.();
      teardown = undefined;
    });

    describe('append and expected versions', () => appendContract(ctx));
    describe('reading', () => readContract(ctx));
    describe('idempotency', () => idempotencyContract(ctx));
    describe('live: onAppended and followAll', () => liveContract(ctx));
    describe('concurrent appends (group commit)', () => groupContract(ctx));
  });
};
