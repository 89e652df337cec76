import { ALL_PROJECTIONS } from '../all-projections';
import { ProjectionRunner } from '../projection-runner';
import { batchesContract } from './contract-batches';
import { bulkContract } from './contract-bulk';
import { concurrencyContract } from './contract-concurrency';
import { failuresContract } from './contract-failures';
import { inOrderContract } from './contract-in-order';
import type { ContractContext, ReadModelStoreFactory, ReadModelStoreUnderTest } from './contract-fixtures';
import { queriesContract } from './contract-queries';

export { CALLER_PHONE, history, type ReadModelStoreFactory, type ReadModelStoreUnderTest } from './contract-fixtures';

/**
 * The behaviour every ReadModelStore adapter must have, with the ProjectionRunner writing
 * through it, written once. Call it from an adapter's spec; `factory` is called before each
 * test and must return an empty store.
 *
 *   readModelStoreContract('SQLite', async () => ({ store, second: () => other, teardown }));
 */
export const readModelStoreContract = (name: string, factory: ReadModelStoreFactory): void => {
  describe(`ReadModelStore contract: ${name}`, () => {
    const ctx = {} as ContractContext;
    let made: ReadModelStoreUnderTest | undefined;

    beforeEach(async () => {
      made = await factory();
      ctx.store = made.store;
      ctx.second = made.second;
      ctx.runner = new ProjectionRunner(ctx.store, ALL_PROJECTIONS);
      await ctx.runner.init();
    });

    afterEach(async () => {
      jest.restoreAllMocks();
      await made?.teardown();
      made = undefined;
    });

    batchesContract(ctx);
    failuresContract(ctx);
    queriesContract(ctx);
    concurrencyContract(ctx);
    bulkContract(ctx);
    inOrderContract(ctx);
  });
};
