import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AzureOpenAI, AuthenticationError, OpenAI } from 'openai';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';

const API_KEY = 'test-key-1';
const API_VERSION = '2024-10-21';

describe('emulator with the openai SDK', () => {
  let emulator: RunningEmulator;
  let azure: AzureOpenAI;

  before(async () => {
    emulator = await startEmulator({ apiKeys: [API_KEY, 'test-key-2'] });
    azure = new AzureOpenAI({ endpoint: emulator.url, apiKey: API_KEY, apiVersion: API_VERSION, deployment: 'gpt-4o-mini', maxRetries: 0 });
  });
  after(() => emulator.close());

  it('answers a chat completion like Azure', async () => {
    const { data, response } = await azure.chat.completions
      .create({ model: 'ignored', messages: [{ role: 'user', content: 'Say hello to the gateway' }] })
      .withResponse();
    assert.equal(data.choices[0]?.message.content, 'Echo: Say hello to the gateway');
    assert.equal(data.model, 'gpt-4o-mini');
    assert.equal(data.choices[0]?.finish_reason, 'stop');
    assert.ok(data.usage !== undefined && data.usage.prompt_tokens > 0 && data.usage.completion_tokens > 0);
    assert.equal(data.usage.total_tokens, data.usage.prompt_tokens + data.usage.completion_tokens);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('x-ms-region'), 'Emulator');
    assert.match(response.headers.get('apim-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(Number(response.headers.get('x-ratelimit-remaining-tokens')) > 0);
    assert.ok(Number(response.headers.get('x-ratelimit-remaining-requests')) > 0);

    const stats = emulator.stats();
    assert.equal(stats.lastPath, `/openai/deployments/gpt-4o-mini/chat/completions?api-version=${API_VERSION}`);
    assert.equal(stats.lastHeaders?.['api-key'], API_KEY);
    assert.match(stats.lastBody ?? '', /Say hello to the gateway/);
  });

  it('streams chunks with a final usage chunk', async () => {
    const stream = await azure.chat.completions.create({
      model: 'ignored',
      messages: [{ role: 'user', content: 'Stream me a reply' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let contentChunks = 0;
    let text = '';
    let role: string | undefined;
    let usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null | undefined;
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      const choice = chunk.choices[0];
      if (choice === undefined) {
        usage = chunk.usage;
        continue;
      }
      role ??= choice.delta.role;
      if (choice.delta.content) {
        contentChunks++;
        text += choice.delta.content;
      }
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    assert.equal(role, 'assistant');
    assert.ok(contentChunks >= 5, `${contentChunks} content chunks`);
    assert.equal(text, 'Echo: Stream me a reply');
    assert.equal(finish, 'stop');
    assert.ok(usage && usage.prompt_tokens > 0 && usage.completion_tokens > 0);
    assert.equal(usage.total_tokens, usage.prompt_tokens + usage.completion_tokens);
  });

  it('works with the SDK stream helper that accumulates the completion', async () => {
    const stream = azure.chat.completions.stream({ model: 'ignored', messages: [{ role: 'user', content: 'helper' }], stream_options: { include_usage: true } });
    const completion = await stream.finalChatCompletion();
    assert.equal(completion.choices[0]?.message.content, 'Echo: helper');
    assert.ok((completion.usage?.total_tokens ?? 0) > 0);
  });

  it('answers embeddings the SDK decodes from base64, deterministically', async () => {
    const first = await azure.embeddings.create({ model: 'ignored', input: ['alpha', 'beta'] });
    const again = await azure.embeddings.create({ model: 'ignored', input: 'alpha' });
    const asFloat = await azure.embeddings.create({ model: 'ignored', input: 'alpha', encoding_format: 'float' });
    assert.match(emulator.stats().lastBody ?? '', /"encoding_format":"float"/);
    assert.equal(first.data.length, 2);
    const alpha = first.data[0]?.embedding ?? [];
    assert.equal(alpha.length, 1536);
    assert.ok(alpha.every((v) => typeof v === 'number' && Number.isFinite(v)));
    assert.deepEqual(again.data[0]?.embedding, alpha);
    assert.deepEqual(asFloat.data[0]?.embedding, alpha);
    assert.notDeepEqual(first.data[1]?.embedding, alpha);
    const norm = Math.sqrt(alpha.reduce((s, v) => s + v * v, 0));
    assert.ok(Math.abs(norm - 1) < 1e-5);
    assert.ok(first.usage.prompt_tokens > 0);

    const small = await azure.embeddings.create({ model: 'ignored', input: 'alpha', dimensions: 256 });
    assert.equal(small.data[0]?.embedding.length, 256);
  });

  it('answers legacy completions', async () => {
    const result = await azure.completions.create({ model: 'ignored', prompt: 'Once upon a time', max_tokens: 100 });
    assert.equal(result.choices[0]?.text, 'Echo: Once upon a time');
    const stream = await azure.completions.create({ model: 'ignored', prompt: 'Once upon a time', max_tokens: 100, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.text ?? '';
    assert.equal(text, 'Echo: Once upon a time');
  });

  it('serves the v1 routes to the plain OpenAI client, model from the body', async () => {
    const client = new OpenAI({ baseURL: `${emulator.url}/openai/v1/`, apiKey: 'test-key-2', maxRetries: 0 });
    const chat = await client.chat.completions.create({ model: 'my-model', messages: [{ role: 'user', content: 'v1 please' }] });
    assert.equal(chat.model, 'my-model');
    assert.equal(chat.choices[0]?.message.content, 'Echo: v1 please');
    assert.equal(emulator.stats().lastPath, '/openai/v1/chat/completions');
    assert.equal(emulator.stats().lastHeaders?.authorization, 'Bearer test-key-2');

    const response = await client.responses.create({ model: 'my-model', input: 'responses route', instructions: 'be nice' });
    assert.equal(response.output_text, 'Echo: responses route');
    assert.equal(response.status, 'completed');
    assert.ok((response.usage?.input_tokens ?? 0) > 0 && (response.usage?.output_tokens ?? 0) > 0);

    const emb = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'v1' });
    assert.equal(emb.data[0]?.embedding.length, 1536);
  });

  it('refuses a wrong key with Azure 401', async () => {
    const wrong = new AzureOpenAI({ endpoint: emulator.url, apiKey: 'wrong', apiVersion: API_VERSION, deployment: 'd', maxRetries: 0 });
    await assert.rejects(wrong.chat.completions.create({ model: 'd', messages: [{ role: 'user', content: 'x' }] }), (err: unknown) => {
      assert.ok(err instanceof AuthenticationError);
      assert.equal(err.status, 401);
      assert.equal(err.code, '401');
      return true;
    });
  });

  it('answers 404 at / and unknown paths without asking for a key', async () => {
    for (const [method, path] of [['GET', '/'], ['GET', '/openai/deployments/d/chat/completions'], ['POST', '/nope'], ['POST', '/openai/deployments/d/images/generations?api-version=x']] as const) {
      const res = await fetch(`${emulator.url}${path}`, { method });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.deepEqual(await res.json(), { error: { code: '404', message: 'Resource not found' } });
    }
  });

  it('answers Azure-shaped 400s for a missing api-version, bad JSON and a bad body', async () => {
    const url = `${emulator.url}/openai/deployments/d/chat/completions`;
    const headers = { 'api-key': API_KEY, 'content-type': 'application/json' };
    const noVersion = await fetch(url, { method: 'POST', headers, body: '{"messages":[]}' });
    assert.equal(noVersion.status, 400);
    assert.equal(((await noVersion.json()) as { error: { code: string } }).error.code, 'MissingApiVersionParameter');

    const badJson = await fetch(`${url}?api-version=${API_VERSION}`, { method: 'POST', headers, body: '{"messages":' });
    assert.equal(badJson.status, 400);
    const badJsonBody = (await badJson.json()) as { error: { code: string; message: string } };
    assert.equal(badJsonBody.error.code, 'BadRequest');
    assert.doesNotMatch(badJsonBody.error.message, /at .*\.js/);

    const noMessages = await fetch(`${url}?api-version=${API_VERSION}`, { method: 'POST', headers, body: '{}' });
    assert.equal(noMessages.status, 400);
    assert.equal(((await noMessages.json()) as { error: { param: string } }).error.param, 'messages');
  });

  it('refuses an oversized body with 413', async () => {
    const small = await startEmulator({ maxBodyBytes: 1024 });
    try {
      const res = await fetch(`${small.url}/openai/v1/embeddings`, { method: 'POST', body: JSON.stringify({ model: 'm', input: 'x'.repeat(4096) }) });
      assert.equal(res.status, 413);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'RequestEntityTooLarge');
    } finally {
      await small.close();
    }
  });
});

describe('emulator streaming timing', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator({ chunkDelayMs: 100 });
  });
  after(() => emulator.close());

  it('delivers the first chunk well before the stream ends', async () => {
    const client = new OpenAI({ baseURL: `${emulator.url}/openai/v1/`, apiKey: 'unused', maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'm', stream: true, messages: [{ role: 'user', content: 'timing test' }] });
    const arrivals: number[] = [];
    for await (const _chunk of stream) arrivals.push(performance.now());
    const first = arrivals[0] ?? 0;
    const last = arrivals.at(-1) ?? 0;
    assert.ok(arrivals.length >= 5, `${arrivals.length} chunks`);
    // ≥ 5 gaps of 100 ms lie between the first and the last chunk; buffering would collapse them.
    assert.ok(last - first >= 350, `first chunk only ${Math.round(last - first)} ms before the last`);
  });
});
