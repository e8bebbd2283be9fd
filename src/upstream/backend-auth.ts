import type { AccessToken, TokenCredential } from '@azure/identity';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.js';
import { resolveSecret } from '../config/files.js';
import type { BackendAuthConfig, EntraAuthConfig } from './backend-config.js';
import { BackendAuthError } from './upstream-errors.js';

/**
 * The credential the gateway presents to a backend.
 *
 * Hot path: `header()` is synchronous and allocation-free. An API key is resolved once,
 * at provision; an Entra ID token is fetched ahead of time and refreshed in the
 * background before it expires, so a request never waits for the token endpoint.
 * `header()` returns null when there is no valid credential right now; the caller then
 * fails the request with `upstream_auth_error` (the proxy does this).
 *
 * Neither the key nor the token is ever logged; log lines carry the backend name, the
 * credential kind and expiry times only.
 */
export interface BackendAuth {
  /** Header to set, lower-case; null when the backend takes no credential. */
  readonly headerName: 'api-key' | 'authorization' | null;
  /** The header's value (`Bearer …` for Entra), or null when none is available now. Never waits. */
  header(): string | null;
  /** Resolves once a valid credential is available; rejects with a BackendAuthError if the attempt fails. */
  ready(): Promise<void>;
  /** Stops background refreshes. Idempotent. */
  close(): void;
}

/** A key from the config's secret reference, resolved at provision. */
export class ApiKeyAuth implements BackendAuth {
  readonly headerName = 'api-key' as const;
  readonly #value: string;
  constructor(key: string) {
    this.#value = key;
  }
  header(): string {
    return this.#value;
  }
  ready(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {}
  /** Keeps the key out of JSON dumps and inspection. */
  toJSON(): object {
    return { type: 'apiKey' };
  }
}

/** No credential: a backend that authenticates the gateway otherwise (mTLS, network). */
export class NoAuth implements BackendAuth {
  readonly headerName = null;
  header(): null {
    return null;
  }
  ready(): Promise<void> {
    return Promise.resolve();
  }
  close(): void {}
}

export interface TokenTiming {
  /** Refresh this long before expiry (capped at half the token's lifetime). Default: 5 min. */
  readonly refreshMarginMs: number;
  /** First retry delay after a failed token request; doubles per failure. Default: 1 s. */
  readonly minBackoffMs: number;
  /** Longest retry delay. Default: 60 s. */
  readonly maxBackoffMs: number;
  /** A single token request that takes longer is abandoned. Default: 30 s. */
  readonly requestTimeoutMs: number;
  readonly now: () => number;
}

const DEFAULT_TIMING: TokenTiming = {
  // Azure SDKs and MSAL treat a token within 5 minutes of expiry as due for renewal.
  refreshMarginMs: 5 * 60_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  requestTimeoutMs: 30_000,
  now: Date.now,
};

/** A token is not handed out in its last quarter-lifetime, and never in its last 30 s: requests take time to arrive. */
const EXPIRY_SKEW_MS = 30_000;
/** Floor between two refreshes, so a credential that hands out nearly expired tokens cannot make us spin. */
const MIN_REFRESH_DELAY_MS = 500;

/**
 * A bearer token from a TokenCredential, cached and refreshed in the background.
 *
 * - Refresh is scheduled at `refreshAfterTimestamp` when the credential gives one in the
 *   future, else `expiresOn - min(refreshMargin, lifetime / 2)`.
 * - One request at a time (single flight): `header()`, `ready()` and the timer share it.
 * - On failure the cached token stays in use while valid; retries back off exponentially
 *   with jitter from minBackoffMs to maxBackoffMs.
 */
export class EntraAuth implements BackendAuth {
  readonly headerName = 'authorization' as const;
  readonly #backend: string;
  readonly #credential: TokenCredential;
  readonly #scope: string;
  readonly #log: Logger;
  readonly #timing: TokenTiming;
  readonly #closing = new AbortController();
  #value: string | null = null;
  #validUntil = 0;
  #expiresAt = 0;
  #inflight: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  #failures = 0;
  #nextAttemptAt = 0;
  #lastError: unknown = null;
  #closed = false;
  #fetches = 0;

  constructor(backend: string, credential: TokenCredential, scope: string, log: Logger, timing: Partial<TokenTiming> = {}) {
    this.#backend = backend;
    this.#credential = credential;
    this.#scope = scope;
    this.#log = log;
    this.#timing = { ...DEFAULT_TIMING, ...timing };
  }

  /** How many token requests were made (diagnostics and tests). */
  get fetches(): number {
    return this.#fetches;
  }

  /** When the cached token expires (ms since epoch), or null. */
  get expiresAt(): number | null {
    return this.#value === null ? null : this.#expiresAt;
  }

  header(): string | null {
    if (this.#value !== null && this.#timing.now() < this.#validUntil) return this.#value;
    this.#kick();
    return null;
  }

  async ready(): Promise<void> {
    if (this.#value !== null && this.#timing.now() < this.#validUntil) return;
    if (this.#closed) throw new BackendAuthError(this.#backend, 'credential closed');
    await this.#refresh();
    if (this.#value !== null && this.#timing.now() < this.#validUntil) return;
    throw new BackendAuthError(this.#backend, `no Entra ID token: ${describeError(this.#lastError)}`, { cause: this.#lastError });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#clearTimer();
    this.#closing.abort(new Error('backend closed'));
  }

  toJSON(): object {
    return { type: 'entra', expiresAt: this.expiresAt === null ? null : new Date(this.expiresAt).toISOString() };
  }

  /** A request found no valid token: start a fetch unless one runs or backoff says wait. */
  #kick(): void {
    if (this.#closed || this.#inflight !== null || this.#timing.now() < this.#nextAttemptAt) return;
    void this.#refresh();
  }

  #refresh(): Promise<void> {
    if (this.#inflight !== null) return this.#inflight;
    this.#clearTimer();
    const p = this.#fetch().finally(() => {
      this.#inflight = null;
    });
    this.#inflight = p;
    return p;
  }

  async #fetch(): Promise<void> {
    const t = this.#timing;
    this.#fetches++;
    let token: AccessToken | null;
    try {
      const signal = AbortSignal.any([this.#closing.signal, AbortSignal.timeout(t.requestTimeoutMs)]);
      // The signal is passed on, but not every credential honours it (MSAL's managed
      // identity path does not): the race makes sure a hung endpoint cannot hold the
      // single flight forever.
      token = await abortable(this.#credential.getToken(this.#scope, { abortSignal: signal }), signal);
      if (token === null || typeof token.token !== 'string' || token.token === '') throw new Error('the credential returned no token');
      if (!(token.expiresOnTimestamp > t.now())) throw new Error('the credential returned an expired token');
    } catch (err) {
      if (this.#closed) return;
      this.#failed(err);
      return;
    }
    if (this.#closed) return;
    const now = t.now();
    const lifetime = token.expiresOnTimestamp - now;
    this.#value = `Bearer ${token.token}`;
    this.#expiresAt = token.expiresOnTimestamp;
    this.#validUntil = token.expiresOnTimestamp - Math.min(EXPIRY_SKEW_MS, lifetime / 4);
    let refreshAt = token.expiresOnTimestamp - Math.min(t.refreshMarginMs, lifetime / 2);
    // A refreshAfter in the past is MSAL handing back the previous token while it renews
    // its cache: ignore it, or we would ask again at once.
    const after = token.refreshAfterTimestamp;
    if (after !== undefined && after > now && after < refreshAt) refreshAt = after;
    const delay = Math.max(MIN_REFRESH_DELAY_MS, refreshAt - now);
    if (this.#failures > 0) this.#log.info({ backend: this.#backend, failures: this.#failures }, 'backend token request recovered');
    this.#failures = 0;
    this.#nextAttemptAt = 0;
    this.#lastError = null;
    this.#log.debug({ backend: this.#backend, expiresAt: new Date(token.expiresOnTimestamp).toISOString(), refreshInMs: Math.round(delay) }, 'backend token acquired');
    this.#schedule(delay);
  }

  #failed(err: unknown): void {
    const t = this.#timing;
    this.#failures++;
    this.#lastError = err;
    const base = Math.min(t.maxBackoffMs, t.minBackoffMs * 2 ** Math.min(this.#failures - 1, 30));
    // ±20% jitter so replicas sharing an identity endpoint do not retry in lockstep.
    const delay = Math.round(base * (0.8 + 0.4 * Math.random()));
    this.#nextAttemptAt = t.now() + delay;
    const stillValid = this.#value !== null && t.now() < this.#validUntil;
    const fields = { backend: this.#backend, failures: this.#failures, retryInMs: delay, error: describeError(err), tokenStillValid: stillValid };
    if (stillValid) this.#log.warn(fields, 'backend token refresh failed; the current token is still valid');
    else this.#log.error(fields, 'backend token request failed; requests to this backend fail with upstream_auth_error');
    this.#schedule(delay);
  }

  #schedule(delay: number): void {
    this.#clearTimer();
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#refresh();
    }, delay);
    this.#timer.unref();
  }

  #clearTimer(): void {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}

/** `p`, or a rejection with the signal's reason if it aborts first. */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e as Error);
      },
    );
  });
}

/** The error's name and message, first line only; credential errors do not carry secrets but can be long. */
function describeError(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message.split('\n', 1)[0]!}`;
  return err === null || err === undefined ? 'unknown error' : String(err);
}

export interface AuthContext {
  readonly backend: string;
  readonly baseDir: string;
  /** Config path of the backend, e.g. `backends[0]`. */
  readonly path: string;
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  /** Test seam: builds the credential instead of @azure/identity. */
  readonly credentialFactory?: (cfg: EntraAuthConfig) => TokenCredential | Promise<TokenCredential>;
  readonly timing?: Partial<TokenTiming>;
}

/**
 * Provisions the backend credential: resolves secrets (ConfigError naming the path when
 * one is missing) and builds the token credential. Does not fetch a token; call ready().
 */
export async function createBackendAuth(cfg: BackendAuthConfig, ctx: AuthContext): Promise<BackendAuth> {
  switch (cfg.type) {
    case 'none':
      return new NoAuth();
    case 'apiKey':
      return new ApiKeyAuth(resolveSecret(cfg.key, ctx.baseDir, `${ctx.path}.auth.key`, ctx.env));
    case 'entra': {
      const credential = ctx.credentialFactory !== undefined ? await ctx.credentialFactory(cfg) : await azureCredential(cfg, ctx);
      return new EntraAuth(ctx.backend, credential, cfg.scope, ctx.log, ctx.timing);
    }
  }
}

/** How many times @azure/identity retries one managed-identity request itself; we back off on top. */
const MSI_RETRIES = 2;

async function azureCredential(cfg: EntraAuthConfig, ctx: AuthContext): Promise<TokenCredential> {
  // Loaded only when a backend uses Entra: MSAL is large and most setups use keys.
  const identity = await import('@azure/identity');
  const path = `${ctx.path}.auth`;
  const env = ctx.env;
  const authority = cfg.authorityHost === undefined ? {} : { authorityHost: cfg.authorityHost };
  switch (cfg.credential) {
    case 'managedIdentity':
      // MSAL reads IDENTITY_ENDPOINT, IMDS_ENDPOINT, MSI_ENDPOINT… from process.env itself,
      // and picks the source once per process (a static in ManagedIdentityClient).
      return new identity.ManagedIdentityCredential({
        ...(cfg.clientId === undefined ? {} : { clientId: cfg.clientId }),
        retryOptions: { maxRetries: MSI_RETRIES },
      });
    case 'workloadIdentity': {
      // AKS workload identity injects these three; the config may name the client and tenant.
      const clientId = cfg.clientId ?? env.AZURE_CLIENT_ID;
      const tenantId = cfg.tenantId ?? env.AZURE_TENANT_ID;
      const tokenFilePath = env.AZURE_FEDERATED_TOKEN_FILE;
      if (clientId === undefined || clientId === '') throw new ConfigError(`${path}.clientId`, 'not set, and AZURE_CLIENT_ID is not in the environment (is workload identity enabled for this pod?)');
      if (tenantId === undefined || tenantId === '') throw new ConfigError(`${path}.tenantId`, 'not set, and AZURE_TENANT_ID is not in the environment');
      if (tokenFilePath === undefined || tokenFilePath === '') throw new ConfigError(`${path}.credential`, 'workloadIdentity needs AZURE_FEDERATED_TOKEN_FILE in the environment (set by the AKS workload identity webhook)');
      return new identity.WorkloadIdentityCredential({ clientId, tenantId, tokenFilePath, ...authority });
    }
    case 'clientSecret': {
      // The schema guarantees all three for this credential.
      const secret = resolveSecret(cfg.clientSecret!, ctx.baseDir, `${path}.clientSecret`, env);
      return new identity.ClientSecretCredential(cfg.tenantId!, cfg.clientId!, secret, authority);
    }
    case 'default':
      return new identity.DefaultAzureCredential({
        ...(cfg.clientId === undefined ? {} : { managedIdentityClientId: cfg.clientId, workloadIdentityClientId: cfg.clientId }),
        ...(cfg.tenantId === undefined ? {} : { tenantId: cfg.tenantId }),
        ...authority,
      });
  }
}
