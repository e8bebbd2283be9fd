import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { BackendConfigSchema } from '../../src/upstream/backend-config.js';
import { provisionBackend, type Backend } from '../../src/upstream/backend.js';
import { LogCapture, startServer, waitFor, type TestServer } from './helpers.js';

/**
 * Entra ID through the real @azure/identity ManagedIdentityCredential, against a loopback
 * imitation of App Service's managed-identity endpoint (api-version 2019-08-01): MSAL
 * picks that source when IDENTITY_ENDPOINT and IDENTITY_HEADER are set, and sends
 * `GET <IDENTITY_ENDPOINT>?api-version=2019-08-01&resource=<scope without /.default>`
 * with the secret in `X-IDENTITY-HEADER`; the answer is
 * `{ access_token, expires_on (epoch seconds, as a string), resource, token_type }`.
 *
 * Kept in its own file (so its own process): MSAL picks the managed-identity source once
 * per process and keeps its token cache in a static, so the environment must be set
 * before the first credential asks for a token, and other tests must not share it.
 */

const IDENTITY_SECRET = 'identity-header-secret';
const saved: Record<string, string | undefined> = {};
let identity: TestServer;
let lifetimeSeconds = 4;
let issued = 0;
const backends: Backend[] = [];
const logs = new LogCapture();

before(async () => {
  identity = await startServer({
    handler: (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/msi/token' || req.headers['x-identity-header'] !== IDENTITY_SECRET || url.searchParams.get('api-version') !== '2019-08-01') {
        res.statusCode = 400;
        res.end(JSON.stringify({ error: 'invalid_request', error_description: 'bad managed identity request' }));
        return;
      }
      issued++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({
        access_token: `mi-token-${issued}`,
        expires_on: String(Math.floor(Date.now() / 1000) + lifetimeSeconds),
        resource: url.searchParams.get('resource'),
        token_type: 'Bearer',
      }));
    },
  });
  for (const k of ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER', 'MSI_ENDPOINT', 'MSI_SECRET', 'IDENTITY_SERVER_THUMBPRINT', 'IMDS_ENDPOINT', 'AZURE_FEDERATED_TOKEN_FILE', 'AZURE_CLIENT_ID']) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
  process.env.IDENTITY_ENDPOINT = `http://127.0.0.1:${identity.port}/msi/token`;
  process.env.IDENTITY_HEADER = IDENTITY_SECRET;
});

after(async () => {
  await Promise.all(backends.map((b) => b.close()));
  await identity?.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

test('managed identity (App Service endpoint): Bearer token, cached, refreshed before expiry', async () => {
  lifetimeSeconds = 4;
  const cfg = BackendConfigSchema.parse({ name: 'mi', url: 'https://contoso.openai.azure.com', auth: { type: 'entra', credential: 'managedIdentity' }, probe: { enabled: false } });
  const backend = await provisionBackend(cfg, { baseDir: '.', path: 'backends[0]', log: logs.logger, env: process.env });
  backends.push(backend);

  // The first token was fetched during provisioning.
  assert.equal(issued, 1);
  assert.equal(backend.auth.header(), 'Bearer mi-token-1');
  const seen = identity.requests[0]!;
  const q = new URL(seen.url, 'http://x').searchParams;
  assert.equal(q.get('resource'), 'https://cognitiveservices.azure.com');
  assert.equal(q.get('api-version'), '2019-08-01');
  assert.equal(seen.headers['x-identity-header'], IDENTITY_SECRET);

  // Cached: more requests, no more token requests.
  for (let i = 0; i < 100; i++) assert.equal(backend.auth.header(), 'Bearer mi-token-1');
  await backend.auth.ready();
  assert.equal(issued, 1);

  // A 3-4 s token is refreshed at half its lifetime, before it expires.
  const expiresAt = (backend.auth as { expiresAt?: number | null }).expiresAt!;
  await waitFor(() => issued === 2, 5000, 'refresh');
  assert.ok(Date.now() < expiresAt, 'refreshed before expiry');
  await waitFor(() => backend.auth.header() === 'Bearer mi-token-2', 1000, 'new token in use');
  assert.equal(logs.text().includes('mi-token-'), false, 'tokens are never logged');
});
