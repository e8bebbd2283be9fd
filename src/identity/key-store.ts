import { timingSafeEqual } from 'node:crypto';
import type { Identity } from './identity.js';
import type { ApiKeyConfig } from './api-key-config.js';
import { hashKeyDigest } from './key-hash.js';
import { ConfigError } from '../config/config-error.js';

interface KeyRecord {
  readonly digest: Buffer;
  /** ms since epoch, or Infinity. */
  readonly expiresAt: number;
  readonly enabled: boolean;
  /** The success verdict, built once so that a check allocates nothing. */
  readonly accepted: KeyCheck;
}

export type KeyCheck =
  | { readonly ok: true; readonly identity: Identity }
  | { readonly ok: false; readonly reason: 'credential_invalid' | 'credential_expired' };

const INVALID: KeyCheck = { ok: false, reason: 'credential_invalid' };
const EXPIRED: KeyCheck = { ok: false, reason: 'credential_expired' };

/** Longest key we will hash; anything longer is not one of ours and is refused unhashed. */
const MAX_KEY_LENGTH = 512;

export function deploymentSet(list: readonly string[]): ReadonlySet<string> | null {
  return list.includes('*') ? null : new Set(list);
}

/**
 * Hashed API keys, indexed by digest. The index lookup is on the SHA-256 of the presented
 * key, which tells an attacker nothing about stored keys; the final equality check is
 * constant-time all the same so that no comparison of secret-derived bytes short-circuits.
 */
export class KeyStore {
  readonly #byDigest = new Map<string, KeyRecord>();

  constructor(keys: readonly { config: ApiKeyConfig; path: string }[]) {
    const ids = new Set<string>();
    for (const { config, path } of keys) {
      if (ids.has(config.id)) throw new ConfigError(`${path}.id`, `duplicate key id "${config.id}"`);
      ids.add(config.id);
      const digest = Buffer.from(config.hash.slice('sha256:'.length), 'hex');
      const index = digest.toString('base64');
      if (this.#byDigest.has(index)) throw new ConfigError(`${path}.hash`, 'the same key hash is listed twice');
      const identity: Identity = Object.freeze({
        kind: 'api_key',
        id: config.id,
        name: config.name ?? config.id,
        deployments: deploymentSet(config.deployments),
      });
      this.#byDigest.set(index, {
        digest,
        expiresAt: config.expiresAt === undefined ? Infinity : Date.parse(config.expiresAt),
        enabled: config.enabled,
        accepted: Object.freeze({ ok: true, identity }),
      });
    }
  }

  get size(): number {
    return this.#byDigest.size;
  }

  check(presented: string, now: number): KeyCheck {
    if (presented.length === 0 || presented.length > MAX_KEY_LENGTH) return INVALID;
    const digest = hashKeyDigest(presented);
    const record = this.#byDigest.get(digest.toString('base64'));
    if (record === undefined || !timingSafeEqual(record.digest, digest) || !record.enabled) return INVALID;
    if (now >= record.expiresAt) return EXPIRED;
    return record.accepted;
  }
}
