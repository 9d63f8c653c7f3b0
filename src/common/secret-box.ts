import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const SEALED_PREFIX = 'aimsflow:v1:';

/**
 * Secrets the service has to read back (webhook signing secrets) are sealed with AES-256-GCM under
 * AIMSFLOW_SECRET_KEY, so a copy of the database alone does not reveal them. Without a key they are
 * kept as given.
 */
export class SecretBox {
  constructor(private readonly key?: Buffer) {}

  get sealing(): boolean {
    return this.key !== undefined;
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(SEALED_PREFIX);
  }

  seal(plain: string): string {
    if (!this.key) return plain;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return SEALED_PREFIX + [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64')).join('.');
  }

  /** The secret itself; throws when it is sealed and this box has no key, or another key sealed it. */
  open(stored: string): string {
    if (!SecretBox.isSealed(stored)) return stored;
    if (!this.key) throw new Error('the secret is sealed, but AIMSFLOW_SECRET_KEY is not set');
    const [iv, tag, data] = stored
      .slice(SEALED_PREFIX.length)
      .split('.')
      .map((part) => Buffer.from(part, 'base64'));
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      throw new Error('the secret does not open with AIMSFLOW_SECRET_KEY (another key sealed it)');
    }
  }
}

/** A new random key, as AIMSFLOW_SECRET_KEY takes it (base64 of 32 bytes). */
export function generateSecretKey(): string {
  return randomBytes(32).toString('base64');
}

/** AIMSFLOW_SECRET_KEY's value as key bytes: 64 hex digits or base64 of 32 bytes; undefined when malformed. */
export function parseSecretKey(raw: string): Buffer | undefined {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value)) return Buffer.from(value, 'base64');
  return undefined;
}
