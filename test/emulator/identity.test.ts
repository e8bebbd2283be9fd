import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getBearerTokenProvider, ManagedIdentityCredential } from '@azure/identity';
import { AzureOpenAI } from 'openai';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

const SCOPE = 'https://cognitiveservices.azure.com/.default';
const ENV_NAMES = ['IDENTITY_ENDPOINT', 'IDENTITY_HEADER'] as const;

// MSAL keeps the chosen managed-identity source and its token cache in static fields, so this
// file uses one emulator for every ManagedIdentityCredential it builds (node --test runs each
// file in its own process, which keeps other files unaffected).
describe('emulator managed-identity endpoint', () => {
  let emulator: RunningEmulator;
  const savedEnv = new Map<string, string | undefined>();

  before(async () => {
    emulator = await startEmulator({ apiKeys: ['k'], acceptEntraTokens: true });
    for (const name of ENV_NAMES) savedEnv.set(name, process.env[name]);
    // The credential reads these when it is constructed.
    process.env['IDENTITY_ENDPOINT'] = `${emulator.url}/msi/token`;
    process.env['IDENTITY_HEADER'] = emulator.identityHeaderSecret;
  });
  after(async () => {
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await emulator.close();
  });

  it('issues a token to the real ManagedIdentityCredential', async () => {
    const credential = new ManagedIdentityCredential();
    const token = await credential.getToken(SCOPE);
    assert.ok(token.token.length > 20);
    const lifetime = token.expiresOnTimestamp - Date.now();
    assert.ok(lifetime > 3500_000 && lifetime <= 3600_000, `lifetime ${lifetime} ms`);
    assert.equal(emulator.stats().tokensIssued, 1);
  });

  it('accepts that token on the data plane through the SDK', async () => {
    const credential = new ManagedIdentityCredential();
    const client = new AzureOpenAI({
      endpoint: emulator.url,
      azureADTokenProvider: getBearerTokenProvider(credential, SCOPE),
      apiVersion: '2024-10-21',
      deployment: 'mi',
      maxRetries: 0,
    });
    const chat = await client.chat.completions.create({ model: 'mi', messages: [{ role: 'user', content: 'via managed identity' }] });
    assert.equal(chat.choices[0]?.message.content, 'Echo: via managed identity');
    assert.match(String(emulator.stats().lastHeaders?.authorization), /^Bearer /);
  });

  it('refuses tokens for another audience, and unknown bearers', async () => {
    const credential = new ManagedIdentityCredential();
    const other = await credential.getToken('https://management.azure.com/.default');
    const url = `${emulator.url}/openai/deployments/mi/chat/completions?api-version=2024-10-21`;
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'x' }] });
    for (const bearer of [other.token, 'forged-token']) {
      const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${bearer}` }, body });
      assert.equal(res.status, 401);
    }
  });

  it('refuses a wrong or missing X-IDENTITY-HEADER', async () => {
    const url = `${emulator.url}/msi/token?api-version=2019-08-01&resource=https://cognitiveservices.azure.com`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { 'x-identity-header': 'wrong' } })).status, 401);
    const ok = await fetch(url, { headers: { 'x-identity-header': emulator.identityHeaderSecret } });
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as Record<string, string>;
    assert.equal(body['resource'], 'https://cognitiveservices.azure.com');
    assert.equal(body['token_type'], 'Bearer');
    assert.match(body['expires_on'] ?? '', /^\d+$/);
  });

  it('honours tokenLifetimeSeconds', async () => {
    const shortLived = await startEmulator({ tokenLifetimeSeconds: 120, identityHeaderSecret: 'fixed-secret' });
    try {
      assert.equal(shortLived.identityHeaderSecret, 'fixed-secret');
      const res = await fetch(`${shortLived.url}/msi/token?api-version=2019-08-01&scope=${encodeURIComponent(SCOPE)}`, {
        headers: { 'x-identity-header': 'fixed-secret' },
      });
      const body = (await res.json()) as { expires_on: string };
      const lifetime = Number(body.expires_on) - Date.now() / 1000;
      assert.ok(lifetime > 110 && lifetime <= 120, `lifetime ${lifetime} s`);
      assert.equal(shortLived.stats().tokensIssued, 1);
    } finally {
      await shortLived.close();
    }
  });
});
