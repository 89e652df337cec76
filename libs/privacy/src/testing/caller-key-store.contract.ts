import type { CallerKeyStore } from '../caller-key-store.port';
import { CallerVault } from '../caller-vault';

export type CallerKeyStoreFactory = () => Promise<{
  store: CallerKeyStore;
  /** Every byte the store keeps of its data, as the files or tables hold it now. */
  rawBytes: () => Promise<Buffer>;
  teardown: () => Promise<void>;
}>;

/** What every caller key store must do; run by each adapter's int spec. */
export const callerKeyStoreContract = (name: string, factory: CallerKeyStoreFactory): void => {
  describe(`caller key store: ${name}`, () => {
    let made: Awaited<ReturnType<CallerKeyStoreFactory>>;
    beforeEach(async () => {
      made = await factory();
    });
    afterEach(async () => made.teardown());

    it('gives one caller (one phone index) one key across alerts, and another caller another', async () => {
      const a = await made.store.keyFor({ phoneIndex: 'idx-1', alertId: 'a1' });
      const b = await made.store.keyFor({ phoneIndex: 'idx-1', alertId: 'a2' });
      const c = await made.store.keyFor({ phoneIndex: 'idx-2', alertId: 'a3' });
      expect(b).toEqual(a);
      expect(c.keyId).not.toBe(a.keyId);
      expect(a.key).toHaveLength(32);
      expect(await made.store.alertsOf(a.keyId)).toEqual(['a1', 'a2']);
      expect(await made.store.find(a.keyId)).toEqual(a.key);
    });

    it('makes a fresh key for each caller without a phone', async () => {
      const a = await made.store.keyFor({ alertId: 'a1' });
      const b = await made.store.keyFor({ alertId: 'a2' });
      expect(b.keyId).not.toBe(a.keyId);
      expect(b.key.equals(a.key)).toBe(false);
    });

    it('gives concurrent first calls from one number the same key', async () => {
      const keys = await Promise.all(Array.from({ length: 8 }, (_, i) => made.store.keyFor({ phoneIndex: 'idx-race', alertId: `a${i}` })));
      expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
      expect(await made.store.alertsOf(keys[0]!.keyId)).toHaveLength(8);
    });

    it('forgets a key, its index and its links, and keeps no copy of the key bytes in its files', async () => {
      const doomed = await made.store.keyFor({ phoneIndex: 'idx-doomed', alertId: 'a1' });
      const kept = await made.store.keyFor({ phoneIndex: 'idx-kept', alertId: 'a2' });
      expect((await made.rawBytes()).includes(doomed.key)).toBe(true);
      await made.store.forget(doomed.keyId);
      expect(await made.store.find(doomed.keyId)).toBeUndefined();
      expect(await made.store.alertsOf(doomed.keyId)).toEqual([]);
      expect(await made.store.find(kept.keyId)).toEqual(kept.key);
      const raw = await made.rawBytes();
      expect(raw.includes(doomed.key)).toBe(false);
      expect(raw.includes(kept.key)).toBe(true);
      // The same number calling again gets a new key: the old one is not revived.
      const again = await made.store.keyFor({ phoneIndex: 'idx-doomed', alertId: 'a3' });
      expect(again.keyId).not.toBe(doomed.keyId);
    });

    it('keeps one index secret per store', async () => {
      const first = await made.store.indexSecret();
      expect(first).toHaveLength(32);
      expect(await made.store.indexSecret()).toEqual(first);
    });

    it('seals and opens through the vault, and a forgotten key opens nothing', async () => {
      const vault = new CallerVault(made.store);
      const sealed = await vault.seal('a1', { name: 'Awa', phone: '+223 70 00 00 01' });
      expect(await vault.open('a1', sealed)).toEqual({ name: 'Awa', phone: '+223 70 00 00 01' });
      await made.store.forget(sealed.keyId);
      expect(await vault.open('a1', sealed)).toBe('erased');
    });
  });
};
