import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const API_ROLES = ['operator', 'ops', 'analyst', 'admin'] as const;
export type ApiRole = (typeof API_ROLES)[number];

type Entry = Readonly<{ role: ApiRole; hash: Buffer; actor: string }>;

const sha256 = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Injection token of the ApiKeyRegistry. */
export const API_KEY_REGISTRY = Symbol('API_KEY_REGISTRY');

/**
 * Keys are kept only as SHA-256 hashes and compared in constant time, so neither memory
 * dumps nor timing reveal a key.
 */
export class ApiKeyRegistry {
  private readonly entries: Entry[];

  constructor(pairs: readonly { role: ApiRole; key: string }[]) {
    this.entries = pairs.map(({ role, key }, index) => ({
      role,
      hash: sha256(key),
      // The actor recorded in events: the role and a short, non-reversible key fingerprint.
      actor: `${role}:${sha256(key).toString('hex').slice(0, 8)}#${index}`,
    }));
  }

  /** API_KEYS="operator:<key>,ops:<key>,…" */
  static parse(spec: string): ApiKeyRegistry {
    const pairs = spec
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const at = part.indexOf(':');
        const role = part.slice(0, at) as ApiRole;
        const key = part.slice(at + 1);
        if (at < 1 || !API_ROLES.includes(role) || key.length < 8) {
          throw new Error(`API_KEYS: "${part.slice(0, Math.max(at, 0))}:…" must be <role>:<key> with a role of ${API_ROLES.join(', ')} and a key of 8+ characters`);
        }
        return { role, key };
      });
    return new ApiKeyRegistry(pairs);
  }

  /** With no API_KEYS, the embedded default makes one key per role and keeps them in DATA_DIR. */
  static loadOrCreate(dataDir: string): { registry: ApiKeyRegistry; file: string; created: boolean } {
    const file = join(dataDir, 'api-keys.env');
    if (existsSync(file)) {
      // The keys are secrets: a file copied or edited by hand gets the umask's 0644, so take
      // back what others could read (unless the file is not ours to change).
      if ((statSync(file).mode & 0o077) !== 0) {
        try {
          chmodSync(file, 0o600);
        } catch {
          /* another user's file: its owner decides */
        }
      }
      const spec = readFileSync(file, 'utf8').replace(/^API_KEYS=/m, '').trim();
      return { registry: ApiKeyRegistry.parse(spec), file, created: false };
    }
    mkdirSync(dataDir, { recursive: true });
    const spec = API_ROLES.map((role) => `${role}:${randomBytes(24).toString('base64url')}`).join(',');
    writeFileSync(file, `API_KEYS=${spec}\n`, { mode: 0o600 });
    return { registry: ApiKeyRegistry.parse(spec), file, created: true };
  }

  identify(presented: string): { role: ApiRole; actor: string } | undefined {
    const hash = sha256(presented);
    let found: Entry | undefined;
    // Look at every entry whatever matches, so the time taken does not say which did.
    for (const entry of this.entries) if (timingSafeEqual(entry.hash, hash)) found = entry;
    return found && { role: found.role, actor: found.actor };
  }
}
