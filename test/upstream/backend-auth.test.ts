import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { ConfigError } from '../../src/config/config-error.js';
import { BackendConfigSchema } from '../../src/upstream/backend-config.js';
import { EntraAuth, createBackendAuth, type AuthContext } from '../../src/upstream/backend-auth.js';
import { provisionBackend, type Backend } from '../../src/upstream/backend.js';
import { BackendAuthError, classifyUpstreamError } from '../../src/upstream/upstream-errors.js';
import { createTestPki, LogCapture, sleep, waitFor, type TestPki } from './helpers.js';

let dir: TestPki; // only for its temp folder
const logs = new LogCapture();
const closers: (() => unknown)[] = [];

before(() => {
  dir = createTestPki();
});
after(async () => {
  for (const c of closers) await c();
  dir?.cleanup();
});

function ctx(extra: Partial<AuthContext> = {}): AuthContext {
  return { backend: 'b0', baseDir: dir.dir, path: 'backends[0]', env: {}, log: logs.logger, ...extra };
}

function apiKey(key: unknown) {
  return BackendConfigSchema.parse({ name: 'b0', url: 'https://h.example', auth: { type: 'apiKey', key } }).auth;
}

/** A TokenCredential that hands out numbered tokens (or fails) on demand. */
class FakeCredential implements TokenCredential {
  calls = 0;
  lifetimeMs = 60 * 60_000;
  refreshAfterMs: number | null = null;
  fail: Error | null = null;
  delayMs = 0;
  scopes: (string | string[])[] = [];
  async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken | null> {
    this.calls++;
    this.scopes.push(scopes);
    if (this.delayMs > 0) await sleep(this.delayMs);
    if (this.fail !== null) throw this.fail;
    const now = Date.now();
    return {
      token: `secret-token-${this.calls}`,
      expiresOnTimestamp: now + this.lifetimeMs,
      ...(this.refreshAfterMs === null ? {} : { refreshAfterTimestamp: now + this.refreshAfterMs }),
      tokenType: 'Bearer',
    };
  }
}

function entra(cred: TokenCredential, timing: ConstructorParameters<typeof EntraAuth>[4] = {}): EntraAuth {
  const a = new EntraAuth('b0', cred, 'https://cognitiveservices.azure.com/.default', logs.logger, timing);
  closers.push(() => a.close());
  return a;
}

test('apiKey from the environment given in the context', async () => {
  const a = await createBackendAuth(apiKey({ env: 'AOAI_KEY' }), ctx({ env: { AOAI_KEY: 'key-from-env' } }));
  assert.equal(a.headerName, 'api-key');
  assert.equal(a.header(), 'key-from-env');
  await a.ready();
  assert.equal(JSON.stringify(a).includes('key-from-env'), false, 'a JSON dump does not show the key');
});

test('apiKey from a file (trimmed), relative to the config folder', async () => {
  writeFileSync(join(dir.dir, 'aoai.key'), 'key-from-file\n');
  const a = await createBackendAuth(apiKey({ file: 'aoai.key' }), ctx());
  assert.equal(a.header(), 'key-from-file');
});

test('apiKey: a missing variable or file is a ConfigError naming the place', async () => {
  await assert.rejects(createBackendAuth(apiKey({ env: 'NOPE' }), ctx()), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].auth.key.env');
  await assert.rejects(createBackendAuth(apiKey({ file: 'missing.key' }), ctx()), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].auth.key.file');
  // Through provisionBackend, as the gateway does it.
  const cfg = BackendConfigSchema.parse({ name: 'b0', url: 'https://h.example', auth: { type: 'apiKey', key: { env: 'PCS_SURELY_UNSET_VAR' } } });
  await assert.rejects(provisionBackend(cfg, { baseDir: dir.dir, path: 'backends[0]', log: logs.logger, env: {} }), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].auth.key.env');
});

test('none: no header', async () => {
  const a = await createBackendAuth({ type: 'none' }, ctx());
  assert.equal(a.headerName, null);
  assert.equal(a.header(), null);
});

test('entra: header is `Bearer <token>`, cached: later calls do not fetch again', async () => {
  const cred = new FakeCredential();
  const a = entra(cred);
  assert.equal(a.header(), null, 'cold: no token yet (and a fetch starts)');
  await a.ready();
  assert.equal(a.header(), 'Bearer secret-token-1');
  for (let i = 0; i < 1000; i++) a.header();
  await a.ready();
  assert.equal(cred.calls, 1);
  assert.deepEqual(cred.scopes, ['https://cognitiveservices.azure.com/.default']);
});

test('entra: single flight: concurrent callers share one token request', async () => {
  const cred = new FakeCredential();
  cred.delayMs = 50;
  const a = entra(cred);
  a.header();
  a.header();
  await Promise.all([a.ready(), a.ready(), a.ready()]);
  assert.equal(cred.calls, 1);
  assert.equal(a.header(), 'Bearer secret-token-1');
});

test('entra: refreshed in the background before expiry', async () => {
  const cred = new FakeCredential();
  cred.lifetimeMs = 1200;
  const a = entra(cred, { refreshMarginMs: 400 });
  await a.ready();
  assert.equal(a.header(), 'Bearer secret-token-1');
  const expiry = a.expiresAt!;
  // Refresh at expiry - min(400, 1200/2) = 800 ms after the fetch, before the 1200 ms expiry.
  await waitFor(() => cred.calls === 2, 2000, 'background refresh');
  assert.ok(Date.now() < expiry, 'refreshed before the old token expired');
  assert.equal(a.header(), 'Bearer secret-token-2');
});

test('entra: refreshAfterTimestamp in the future is honoured', async () => {
  const cred = new FakeCredential();
  cred.lifetimeMs = 60_000;
  cred.refreshAfterMs = 600;
  const a = entra(cred);
  await a.ready();
  const t0 = Date.now();
  await waitFor(() => cred.calls === 2, 2000, 'refreshAfter refresh');
  assert.ok(Date.now() - t0 >= 450);
});

test('entra: failure → no header (upstream_auth_error), retries with backoff, recovers', async () => {
  const cred = new FakeCredential();
  cred.fail = new Error('ManagedIdentityCredential: Network unreachable');
  const a = entra(cred, { minBackoffMs: 40, maxBackoffMs: 200 });
  const err = await a.ready().then(() => null, (e: unknown) => e);
  assert.ok(err instanceof BackendAuthError);
  assert.equal(err.code, 'PCS_ERR_BACKEND_AUTH');
  assert.equal(classifyUpstreamError(err), 'upstream_auth_error');
  assert.equal(a.header(), null);
  // Requests in a storm do not hammer the token endpoint: backoff holds them.
  for (let i = 0; i < 100; i++) a.header();
  assert.equal(cred.calls, 1);
  await sleep(400);
  // 40, 80, 160 (±20%) → about 4 attempts in 400 ms, not hundreds (slack for a slow machine).
  assert.ok(cred.calls >= 2 && cred.calls <= 6, `attempts: ${cred.calls}`);
  cred.fail = null;
  await waitFor(() => a.header() !== null, 2000, 'recovery');
  assert.match(a.header()!, /^Bearer secret-token-\d+$/);
  assert.ok(logs.lines.some((l) => l.level === 50 && l.msg === 'backend token request failed; requests to this backend fail with upstream_auth_error'));
  assert.ok(logs.lines.some((l) => l.msg === 'backend token request recovered'));
});

test('entra: a failed refresh keeps the still-valid token in use', async () => {
  const cred = new FakeCredential();
  cred.lifetimeMs = 2000;
  const a = entra(cred, { refreshMarginMs: 1500, minBackoffMs: 50, maxBackoffMs: 50 });
  await a.ready();
  cred.fail = new Error('endpoint down');
  await waitFor(() => cred.calls >= 2, 2000, 'refresh attempt');
  assert.equal(a.header(), 'Bearer secret-token-1');
  assert.ok(logs.lines.some((l) => l.level === 40 && l.tokenStillValid === true));
});

test('entra: expired or empty tokens from the credential are failures', async () => {
  const expired: TokenCredential = { getToken: async () => ({ token: 'old', expiresOnTimestamp: Date.now() - 1 }) };
  await assert.rejects(entra(expired).ready(), BackendAuthError);
  const empty: TokenCredential = { getToken: async () => null };
  await assert.rejects(entra(empty).ready(), BackendAuthError);
});

test('entra: a token request that hangs is abandoned after requestTimeoutMs', async () => {
  let calls = 0;
  const hung: TokenCredential = {
    getToken: () => {
      calls++;
      return new Promise<AccessToken>(() => undefined);
    },
  };
  const a = entra(hung, { requestTimeoutMs: 100, minBackoffMs: 50, maxBackoffMs: 50 });
  const started = Date.now();
  const err = await a.ready().then(() => null, (e: unknown) => e);
  assert.ok(err instanceof BackendAuthError);
  assert.match(err.message, /TimeoutError/);
  assert.ok(Date.now() - started < 1000);
  await waitFor(() => calls >= 2, 2000, 'retry after the timeout');
});

test('entra: close() stops refreshing', async () => {
  const cred = new FakeCredential();
  cred.lifetimeMs = 600;
  const a = entra(cred, { refreshMarginMs: 500 });
  await a.ready();
  a.close();
  await sleep(500);
  assert.equal(cred.calls, 1);
  await assert.rejects(a.ready(), BackendAuthError);
});

test('entra via provisionBackend: first token fetched at provision; a failing identity does not block startup', async () => {
  const cfg = BackendConfigSchema.parse({ name: 'e0', url: 'https://h.example', auth: { type: 'entra' }, probe: { enabled: false } });
  const good = new FakeCredential();
  const b: Backend = await provisionBackend(cfg, { baseDir: dir.dir, path: 'backends[0]', log: logs.logger, credentialFactory: () => good });
  closers.push(() => b.close());
  assert.equal(b.auth.headerName, 'authorization');
  assert.equal(b.auth.header(), 'Bearer secret-token-1', 'warm before the first request');

  const bad = new FakeCredential();
  bad.fail = new Error('no identity here');
  const b2 = await provisionBackend(cfg, { baseDir: dir.dir, path: 'backends[1]', log: logs.logger, credentialFactory: () => bad, tokenTiming: { minBackoffMs: 60_000 } });
  closers.push(() => b2.close());
  assert.equal(b2.auth.header(), null);

  const slow = new FakeCredential();
  slow.delayMs = 300;
  const started = Date.now();
  const b3 = await provisionBackend(cfg, { baseDir: dir.dir, path: 'backends[2]', log: logs.logger, credentialFactory: () => slow, firstTokenWaitMs: 50 });
  closers.push(() => b3.close());
  assert.ok(Date.now() - started < 250, 'the wait for the first token is bounded');
  await waitFor(() => b3.auth.header() !== null, 2000, 'token arrives later');
});

test('entra config: workloadIdentity needs its environment; clientSecret resolves its secret', async () => {
  const wi = BackendConfigSchema.parse({ name: 'w', url: 'https://h.example', auth: { type: 'entra', credential: 'workloadIdentity' } }).auth;
  await assert.rejects(createBackendAuth(wi, ctx()), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].auth.clientId');
  await assert.rejects(createBackendAuth(wi, ctx({ env: { AZURE_CLIENT_ID: 'c', AZURE_TENANT_ID: 't' } })), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].auth.credential');
  const ok = await createBackendAuth(wi, ctx({ env: { AZURE_CLIENT_ID: 'c', AZURE_TENANT_ID: 't', AZURE_FEDERATED_TOKEN_FILE: join(dir.dir, 'token') } }));
  ok.close();

  const cs = BackendConfigSchema.parse({ name: 'c', url: 'https://h.example', auth: { type: 'entra', credential: 'clientSecret', tenantId: 't', clientId: 'c', clientSecret: { env: 'APP_SECRET' } } }).auth;
  await assert.rejects(createBackendAuth(cs, ctx()), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].auth.clientSecret.env');
  const made = await createBackendAuth(cs, ctx({ env: { APP_SECRET: 's3cret' } }));
  assert.equal(made.headerName, 'authorization');
  made.close();
});

test('no token or key ever reaches the log', () => {
  const text = logs.text();
  assert.equal(/secret-token-\d/.test(text), false);
  assert.equal(text.includes('key-from-env'), false);
  assert.equal(text.includes('key-from-file'), false);
  assert.equal(text.includes('s3cret'), false);
});
