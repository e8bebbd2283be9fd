import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenIssuer } from './identity-endpoint.js';

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

const BEARER_PREFIX_LENGTH = 'bearer '.length;

function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined || authorization.length <= BEARER_PREFIX_LENGTH) return null;
  // The scheme name is case-insensitive (RFC 9110 §11.1).
  if (authorization.slice(0, BEARER_PREFIX_LENGTH).toLowerCase() !== 'bearer ') return null;
  return authorization.slice(BEARER_PREFIX_LENGTH).trim();
}

/**
 * Azure OpenAI's data-plane credential check: an `api-key` header, or `Authorization: Bearer`
 * carrying either a key or an Entra token (here: one issued by the emulator's identity endpoint).
 */
export class CredentialCheck {
  readonly #keyHashes: readonly Buffer[];
  readonly #issuer: TokenIssuer | null;

  /** `issuer` non-null turns on acceptance of the identity endpoint's tokens. */
  constructor(apiKeys: readonly string[], issuer: TokenIssuer | null) {
    this.#keyHashes = apiKeys.map(sha256);
    this.#issuer = issuer;
  }

  /** With neither keys nor token acceptance configured, every request passes. */
  get enabled(): boolean {
    return this.#keyHashes.length > 0 || this.#issuer !== null;
  }

  accepts(headers: IncomingHttpHeaders): boolean {
    if (!this.enabled) return true;
    const apiKey = headers['api-key'];
    // Node joins a repeated unknown header with ", ", which then matches no key: a duplicate is refused.
    if (typeof apiKey === 'string') return this.#matchesKey(apiKey);
    const bearer = bearerToken(headers.authorization);
    if (bearer === null) return false;
    if (this.#matchesKey(bearer)) return true;
    return this.#issuer !== null && this.#issuer.accepts(bearer);
  }

  /** Compares digests so the time taken depends neither on the key's length nor on which key matched. */
  #matchesKey(candidate: string): boolean {
    const digest = sha256(candidate);
    let match = false;
    for (const hash of this.#keyHashes) match = timingSafeEqual(digest, hash) || match;
    return match;
  }
}
