import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { APIConnectionError, APIConnectionTimeoutError, AzureOpenAI, InternalServerError, RateLimitError } from 'openai';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

const messages = [{ role: 'user' as const, content: 'fault test' }];

describe('emulator faults', () => {
  let emulator: RunningEmulator;
  let client: AzureOpenAI;

  before(async () => {
    emulator = await startEmulator({ apiKeys: ['k'] });
    // maxRetries 0: the SDK otherwise retries 429, 5xx and connection errors twice on its own.
    client = new AzureOpenAI({ endpoint: emulator.url, apiKey: 'k', apiVersion: '2024-10-21', deployment: 'd', maxRetries: 0, timeout: 2000 });
  });
  after(() => emulator.close());

  it('answers 429 with retry-after and retry-after-ms', async () => {
    emulator.setFaults({ mode: 'status429', retryAfterSeconds: 2 });
    await assert.rejects(client.chat.completions.create({ model: 'd', messages }), (err: unknown) => {
      assert.ok(err instanceof RateLimitError);
      assert.equal(err.headers.get('retry-after'), '2');
      assert.equal(err.headers.get('retry-after-ms'), '2000');
      assert.equal(err.code, '429');
      return true;
    });
    emulator.setFaults(null);
    await client.chat.completions.create({ model: 'd', messages });
  });

  it('faults only every Nth request', async () => {
    emulator.setFaults({ mode: 'status500', every: 3 });
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      try {
        await client.chat.completions.create({ model: 'd', messages });
        outcomes.push('ok');
      } catch (err) {
        assert.ok(err instanceof InternalServerError);
        outcomes.push('500');
      }
    }
    emulator.setFaults(null);
    assert.deepEqual(outcomes, ['ok', 'ok', '500', 'ok', 'ok', '500']);
  });

  it('resets the connection without an answer', async () => {
    emulator.setFaults({ mode: 'reset' });
    await assert.rejects(client.chat.completions.create({ model: 'd', messages }), APIConnectionError);
    emulator.setFaults(null);
    await client.chat.completions.create({ model: 'd', messages });
  });

  it('hangs until the client gives up', async () => {
    emulator.setFaults({ mode: 'hang' });
    const started = performance.now();
    await assert.rejects(client.chat.completions.create({ model: 'd', messages }, { timeout: 300 }), APIConnectionTimeoutError);
    assert.ok(performance.now() - started >= 250);
    emulator.setFaults(null);
  });

  it('delays the headers by latencyMs', async () => {
    const slow = await startEmulator({ latencyMs: 200 });
    try {
      const started = performance.now();
      const res = await fetch(`${slow.url}/openai/v1/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages }) });
      assert.equal(res.status, 200);
      assert.ok(performance.now() - started >= 190);
      await res.text();
    } finally {
      await slow.close();
    }
  });

  it('close() ends hung requests and resolves promptly', async () => {
    const hung = await startEmulator({ faults: { mode: 'hang' }, latencyMs: 10_000 });
    const clientError = new Promise<Error>((resolve) => {
      const req = request(`${hung.url}/openai/v1/chat/completions`, { method: 'POST' }, () => resolve(new Error('unexpected response')));
      req.on('error', resolve);
      req.end(JSON.stringify({ model: 'm', messages }));
    });
    // Wait until the request has reached the emulator.
    while (hung.stats().requests === 0) await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    await hung.close();
    assert.ok(performance.now() - started < 1000);
    const err = await clientError;
    assert.match(err.message, /socket hang up|ECONNRESET/);
    await hung.close(); // idempotent
  });
});
