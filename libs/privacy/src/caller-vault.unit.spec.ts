import { randomBytes, randomUUID } from 'node:crypto';
import type { CallerKeyStore } from './caller-key-store.port';
import { CallerVault, normalisePhone } from './caller-vault';

/** In memory: the vault's logic (sealing, binding, indexing) without a database. */
const memoryKeys = (): CallerKeyStore & { indexes: Map<string, string> } => {
  const keys = new Map<string, Buffer>();
  const indexes = new Map<string, string>();
  const secret = randomBytes(32);
  return {
    indexes,
    keyFor: async ({ phoneIndex }) => {
      const known = phoneIndex && indexes.get(phoneIndex);
      if (known) return { keyId: known, key: keys.get(known)! };
      const keyId = randomUUID();
      keys.set(keyId, randomBytes(32));
      if (phoneIndex) indexes.set(phoneIndex, keyId);
      return { keyId, key: keys.get(keyId)! };
    },
    find: async (keyId) => keys.get(keyId),
    alertsOf: async () => [],
    forget: async (keyId) => void keys.delete(keyId),
    indexSecret: async () => secret,
    close: async () => undefined,
  };
};

describe('caller vault', () => {
  it('seals name and phone into base64 ciphertext that shows neither', async () => {
    const vault = new CallerVault(memoryKeys());
    const sealed = await vault.seal('a1', { name: 'Aminata Planted', phone: '+223 76 54 32 19' });
    expect(sealed).toMatchObject({ sealed: true, keyId: expect.any(String) });
    // Whole spellings only: a random key id or ciphertext may well contain "76" by chance.
    expect(JSON.stringify(sealed)).not.toMatch(/Aminata|Planted|76 54 32 19|76543219/);
    expect(await vault.open('a1', sealed)).toEqual({ name: 'Aminata Planted', phone: '+223 76 54 32 19' });
  });

  it('uses a fresh IV each time: the same caller twice gives two different ciphertexts', async () => {
    const vault = new CallerVault(memoryKeys());
    const a = await vault.seal('a1', { phone: '+22376543219' });
    const b = await vault.seal('a1', { phone: '+22376543219' });
    expect(b.keyId).toBe(a.keyId);
    expect(b.iv).not.toBe(a.iv);
    expect(b.ciphertext).not.toBe(a.ciphertext);
  });

  it('binds the ciphertext to its alert: copied onto another alert, or altered, it does not open', async () => {
    const vault = new CallerVault(memoryKeys());
    const sealed = await vault.seal('a1', { phone: '+22376543219' });
    await expect(vault.open('a2', sealed)).rejects.toThrow();
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    await expect(vault.open('a1', { ...sealed, ciphertext: flipped.toString('base64') })).rejects.toThrow();
  });

  it('indexes the number with a keyed hash, never the number itself, and treats spacing as the same number', async () => {
    const keys = memoryKeys();
    const vault = new CallerVault(keys);
    const a = await vault.seal('a1', { phone: '+223 76-54 32 19' });
    const b = await vault.seal('a2', { phone: '+22376543219' });
    expect(b.keyId).toBe(a.keyId);
    const [index] = [...keys.indexes.keys()];
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(index).not.toContain('76543219');
    expect(normalisePhone(' +223 (76) 54-32-19 ')).toBe('+22376543219');
    expect(normalisePhone('76 54 32 19')).toBe('76543219');
  });

  it('gives a caller with a name only a key of their own', async () => {
    const vault = new CallerVault(memoryKeys());
    const a = await vault.seal('a1', { name: 'Awa' });
    const b = await vault.seal('a2', { name: 'Awa' });
    expect(b.keyId).not.toBe(a.keyId);
  });

  it('opens an erased caller as "erased"', async () => {
    const keys = memoryKeys();
    const vault = new CallerVault(keys);
    const sealed = await vault.seal('a1', { phone: '+22376543219' });
    await keys.forget(sealed.keyId);
    expect(await vault.open('a1', sealed)).toBe('erased');
    expect(await vault.isErased(sealed.keyId)).toBe(true);
  });
});
