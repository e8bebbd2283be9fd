import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A managed-identity token endpoint in App Service's shape (api-version 2019-08-01), which is
 * what `@azure/identity`'s ManagedIdentityCredential (through MSAL's AppService source) calls
 * when IDENTITY_ENDPOINT and IDENTITY_HEADER are set: `GET <IDENTITY_ENDPOINT>?api-version=…&resource=…`
 * with the secret in `X-IDENTITY-HEADER`, answered by `access_token`, `expires_on`, `resource`, `token_type`.
 */
export const IDENTITY_PATH = '/msi/token';

export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;

/** Audiences whose tokens Azure OpenAI accepts; a token for any other resource is refused, as Azure would. */
const OPENAI_AUDIENCES = new Set(['https://cognitiveservices.azure.com', 'https://ai.azure.com']);

/** `https://cognitiveservices.azure.com/.default` and `…azure.com/` name the same audience. */
export function normalizeResource(resource: string): string {
  let r = resource.trim().toLowerCase();
  if (r.endsWith('/.default')) r = r.slice(0, -'/.default'.length);
  while (r.endsWith('/')) r = r.slice(0, -1);
  return r;
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

interface IssuedToken {
  expiresAtMs: number;
  audience: string;
}

/** Issues opaque bearer tokens and recognises them later on the data plane. */
export class TokenIssuer {
  readonly lifetimeSeconds: number;
  // Keyed by the token's SHA-256 so a lookup's timing says nothing about the token's characters.
  readonly #tokens = new Map<string, IssuedToken>();
  #issued = 0;

  constructor(lifetimeSeconds: number) {
    this.lifetimeSeconds = lifetimeSeconds;
  }

  get issued(): number {
    return this.#issued;
  }

  issue(resource: string): { token: string; expiresOnSeconds: number } {
    const now = Date.now();
    this.#prune(now);
    const token = randomBytes(32).toString('base64url');
    const expiresAtMs = now + this.lifetimeSeconds * 1000;
    this.#tokens.set(sha256(token).toString('hex'), { expiresAtMs, audience: normalizeResource(resource) });
    this.#issued++;
    return { token, expiresOnSeconds: Math.floor(expiresAtMs / 1000) };
  }

  /** True when the token was issued here, has not expired, and is meant for Azure OpenAI. */
  accepts(token: string): boolean {
    const entry = this.#tokens.get(sha256(token).toString('hex'));
    return entry !== undefined && entry.expiresAtMs > Date.now() && OPENAI_AUDIENCES.has(entry.audience);
  }

  /** Expired tokens are dropped whenever a new one is issued, so a long benchmark cannot grow the map without bound. */
  #prune(now: number): void {
    for (const [key, entry] of this.#tokens) if (entry.expiresAtMs <= now) this.#tokens.delete(key);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** MSAL reads `error` and `error_description` from a failed managed-identity response. */
function sendIdentityError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

export class IdentityEndpoint {
  readonly #issuer: TokenIssuer;
  readonly #secretHash: Buffer;

  constructor(issuer: TokenIssuer, secret: string) {
    this.#issuer = issuer;
    this.#secretHash = sha256(secret);
  }

  handle(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    if (req.method !== 'GET') {
      sendIdentityError(res, 405, 'invalid_request', 'Only GET is supported.');
      return;
    }
    const header = req.headers['x-identity-header'];
    // Comparing digests keeps the comparison constant-time even when the lengths differ.
    if (typeof header !== 'string' || !timingSafeEqual(sha256(header), this.#secretHash)) {
      sendIdentityError(res, 401, 'unauthorized', 'The X-IDENTITY-HEADER header is missing or wrong.');
      return;
    }
    // App Service takes `resource`; newer clients may send a v2 `scope` instead.
    const resource = query.get('resource') ?? query.get('scope');
    if (resource === null || resource.trim() === '') {
      sendIdentityError(res, 400, 'invalid_request', "The 'resource' query parameter is required.");
      return;
    }
    const { token, expiresOnSeconds } = this.#issuer.issue(resource);
    const body: Record<string, string> = {
      access_token: token,
      // App Service sends expires_on as a string of Unix seconds; MSAL accepts that or ISO 8601.
      expires_on: String(expiresOnSeconds),
      resource: normalizeResource(resource),
      token_type: 'Bearer',
    };
    const clientId = query.get('client_id');
    if (clientId !== null) body['client_id'] = clientId;
    sendJson(res, 200, body);
  }
}
