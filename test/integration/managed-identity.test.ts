import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { startGateway, type RunningGateway } from '../../src/gateway/gateway.js';
import { generateKey, hashKey } from '../../src/identity/key-hash.js';
import { makePki, LogSink, API_VERSION } from '../helpers/harness.js';

// MSAL picks its managed-identity source once per process, so this file has the process
// (node --test runs each file in its own) and sets the App Service variables up front.
let emulator: RunningEmulator;
let gateway: RunningGateway;
let agent: Agent;
let dir: string;
const key = generateKey();
const logs = new LogSink();

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcs-mi-'));
  const pki = await makePki();
  // Plain HTTP, like the real App Service identity endpoint (http://localhost:…), which MSAL
  // calls with its own HTTP client and trust store; TLS to backends is tested elsewhere.
  emulator = await startEmulator({ acceptEntraTokens: true, quiet: true });
  process.env.IDENTITY_ENDPOINT = `${emulator.url}/msi/token`;
  process.env.IDENTITY_HEADER = emulator.identityHeaderSecret;
  writeFileSync(join(dir, 'ca.pem'), pki.ca.certPem);
  writeFileSync(join(dir, 'server.pem'), pki.server.certPem);
  writeFileSync(join(dir, 'server-key.pem'), pki.server.keyPem);
  writeFileSync(
    join(dir, 'gw.yaml'),
    `listeners: [{ host: 127.0.0.1, port: 0, tls: { cert: server.pem, key: server-key.pem } }]
network: { allow: [127.0.0.0/8] }
control: { enabled: false }
backends:
  - name: aoai
    url: ${emulator.url}
    allowPlaintext: true
    auth: { type: entra, credential: managedIdentity }
deployments: [{ name: gpt-4o, backends: [aoai] }]
keys: [{ id: app, hash: "${hashKey(key)}", deployments: ["*"] }]
`,
  );
  gateway = await startGateway({ configFile: join(dir, 'gw.yaml'), log: logs.logger() });
  agent = new Agent({ connect: { ca: pki.ca.certPem } });
});

after(async () => {
  await agent?.close();
  await gateway?.close(0);
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the gateway authenticates to the backend with its managed identity, not the client key', async () => {
  const url = `https://127.0.0.1:${gateway.listeners[0]!.address.port}/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
  for (let i = 0; i < 3; i++) {
    const r = await request(url, { method: 'POST', headers: { 'api-key': key, 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] }), dispatcher: agent });
    const text = await r.body.text();
    assert.equal(r.statusCode, 200, text);
  }
  const seen = emulator.stats().lastHeaders!;
  assert.match(String(seen.authorization), /^Bearer \S+$/);
  assert.equal(seen['api-key'], undefined);
  // One token, cached across requests (and the probe).
  assert.equal(emulator.stats().tokensIssued, 1);
  assert.ok(!JSON.stringify(logs.lines).includes(String(seen.authorization).slice(7)), 'the token leaked into the log');
});
