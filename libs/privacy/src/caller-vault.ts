import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Caller, SealedCaller } from '@poc/domain';
import type { CallerKeyStore } from './caller-key-store.port';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

/** Digits and a leading +: "+223 70-11 22 33" and "+22370112233" are one caller. */
export const normalisePhone = (phone: string): string => {
  const digits = phone.replace(/[^\d]/g, '');
  return phone.trim().startsWith('+') ? `+${digits}` : digits;
};

/** What a caller is to a reader who is not allowed to see them, or can no longer. */
export type CallerView = Caller | 'erased';

/** Injection token of the vault that seals and opens callers. */
export const CALLER_VAULT = Symbol('CALLER_VAULT');

/**
 * Seals and opens callers. AES-256-GCM with the caller's own key; the alert id is bound as
 * additional data, so a sealed caller copied onto another alert does not open.
 */
export class CallerVault {
  private secret?: Promise<Buffer>;

  constructor(private readonly keys: CallerKeyStore) {}

  async seal(alertId: string, caller: Caller): Promise<SealedCaller> {
    const phoneIndex = caller.phone && normalisePhone(caller.phone) ? await this.phoneIndex(caller.phone) : undefined;
    const { keyId, key } = await this.keys.keyFor({ alertId, ...(phoneIndex && { phoneIndex }) });
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(alertId, 'utf8'));
    const plaintext = JSON.stringify({ ...(caller.name !== undefined && { name: caller.name }), ...(caller.phone !== undefined && { phone: caller.phone }) });
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { sealed: true, keyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
  }

  /** The caller, or 'erased' when the key is gone. A tampered ciphertext throws. */
  async open(alertId: string, sealed: SealedCaller): Promise<CallerView> {
    const key = await this.keys.find(sealed.keyId);
    if (!key) return 'erased';
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(alertId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8');
    return JSON.parse(plaintext) as Caller;
  }

  async isErased(keyId: string): Promise<boolean> {
    return (await this.keys.find(keyId)) === undefined;
  }

  /**
   * A keyed hash (HMAC-SHA-256), not a plain one: phone numbers are few enough to hash them
   * all, so an unkeyed hash would be as good as the number to whoever reads the key table.
   */
  private async phoneIndex(phone: string): Promise<string> {
    this.secret ??= this.keys.indexSecret();
    const secret = await this.secret.catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return createHmac('sha256', secret).update(normalisePhone(phone)).digest('hex');
  }
}
