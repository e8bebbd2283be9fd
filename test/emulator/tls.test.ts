import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AzureOpenAI } from 'openai';
import { Agent, fetch as undiciFetch } from 'undici';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

describe('emulator over TLS', () => {
  let dir: string;
  let ca: Buffer;
  let emulator: RunningEmulator;
  let agent: Agent;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'portcullis-emulator-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-days', '1', '-keyout', key, '-out', cert],
      { stdio: 'ignore' },
    );
    ca = readFileSync(cert);
    emulator = await startEmulator({ tls: { cert: ca, key: readFileSync(key) }, apiKeys: ['k'] });
    agent = new Agent({ connect: { ca } });
  });
  after(async () => {
    await emulator.close();
    await agent.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves https and the SDK verifies it against the given CA', async () => {
    assert.match(emulator.url, /^https:\/\/127\.0\.0\.1:\d+$/);
    const client = new AzureOpenAI({
      endpoint: emulator.url,
      apiKey: 'k',
      apiVersion: '2024-10-21',
      deployment: 'secure',
      maxRetries: 0,
      // undici's fetch and the SDK's Fetch type differ only in their RequestInit typings.
      fetch: ((url: string, init: RequestInit) => undiciFetch(url, { ...(init as object), dispatcher: agent })) as unknown as typeof fetch,
    });
    const chat = await client.chat.completions.create({ model: 'secure', messages: [{ role: 'user', content: 'over tls' }] });
    assert.equal(chat.choices[0]?.message.content, 'Echo: over tls');

    const stream = await client.chat.completions.create({ model: 'secure', stream: true, messages: [{ role: 'user', content: 'streamed over tls' }] });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    assert.equal(text, 'Echo: streamed over tls');
  });

  it('is refused by a client that does not trust the certificate', async () => {
    const untrusting = new Agent();
    try {
      await assert.rejects(undiciFetch(`${emulator.url}/`, { dispatcher: untrusting }), /fetch failed/);
    } finally {
      await untrusting.close();
    }
  });
});
