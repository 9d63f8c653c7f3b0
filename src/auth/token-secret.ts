import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'afw_';

/** 32 random bytes, base64url, with a recognisable prefix (secret scanners can match it). */
export function generateTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

/** Whether a bearer value has the shape of an API token (the fixed admin token aside). */
export function isApiTokenSecret(secret: string): boolean {
  return secret.startsWith(PREFIX);
}

/** Tokens are high-entropy random values, so one round of SHA-256 is a sufficient one-way hash. */
export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The part of a secret that may be shown again: enough to tell tokens apart, useless to an attacker. */
export function tokenPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}
