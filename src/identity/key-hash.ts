import { hash, randomBytes } from 'node:crypto';

/** Prefix that makes Portcullis keys recognisable to secret scanners. */
export const KEY_PREFIX = 'pcs_';

/**
 * API keys are 256-bit random values, so a fast hash is the right tool: there is no
 * password-like low entropy for a slow KDF to protect, and the hash runs per request.
 */
export function hashKeyDigest(key: string): Buffer {
  // One-shot: no Hash object per request (strings are hashed as UTF-8, as before).
  return hash('sha256', key, 'buffer');
}

export function hashKey(key: string): string {
  return `sha256:${hashKeyDigest(key).toString('hex')}`;
}

export function generateKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}
