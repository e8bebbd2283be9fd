import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chatCompletion } from '../../src/emulator/chat.js';
import { contentText } from '../../src/emulator/fields.js';
import { completion } from '../../src/emulator/completions.js';
import { embeddings, embeddingVector, toBase64Float32 } from '../../src/emulator/embeddings.js';
import { EmulatorError } from '../../src/emulator/azure-errors.js';
import { FaultInjector, parseFaultSpec } from '../../src/emulator/faults.js';
import { TokenIssuer } from '../../src/emulator/identity-endpoint.js';
import { echoReply, type HandlerReply } from '../../src/emulator/reply.js';
import { streamPieces, truncateToTokens } from '../../src/emulator/tokens.js';

function jsonBody(reply: HandlerReply): Record<string, any> {
  assert.equal(reply.kind, 'json');
  return reply.body as Record<string, any>;
}

describe('emulator handlers', () => {
  it('echoes the last user message, deterministically', () => {
    const body = { messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'first' }, { role: 'assistant', content: 'x' }, { role: 'user', content: 'second' }] };
    const a = jsonBody(chatCompletion(body, 'dep'));
    const b = jsonBody(chatCompletion(body, 'dep'));
    assert.equal(a.choices[0].message.content, 'Echo: second');
    assert.equal(a.choices[0].message.content, b.choices[0].message.content);
    assert.deepEqual(a.usage, b.usage);
    assert.equal(a.model, 'dep');
    assert.equal(a.usage.total_tokens, a.usage.prompt_tokens + a.usage.completion_tokens);
  });

  it('reads content given as an array of parts', () => {
    assert.deepEqual(contentText([{ type: 'text', text: 'a' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: 'b' }]), { text: 'a\nb', images: 1 });
    const reply = jsonBody(chatCompletion({ messages: [{ role: 'user', content: [{ type: 'text', text: 'parts' }] }] }, 'd'));
    assert.equal(reply.choices[0].message.content, 'Echo: parts');
  });

  it('caps the echo at 200 characters without splitting a surrogate pair', () => {
    const reply = echoReply('🦄'.repeat(300));
    assert.equal(Array.from(reply.slice('Echo: '.length)).length, 200);
    assert.ok(!reply.includes('\uFFFD'));
  });

  it('truncates to max_tokens and reports finish_reason length', () => {
    const body = { max_tokens: 2, messages: [{ role: 'user', content: 'a fairly long prompt to be echoed back' }] };
    const reply = jsonBody(chatCompletion(body, 'd'));
    assert.equal(reply.usage.completion_tokens, 2);
    assert.equal(reply.choices[0].finish_reason, 'length');
    const capped = jsonBody(chatCompletion({ ...body, max_tokens: undefined, max_completion_tokens: 3 }, 'd'));
    assert.equal(capped.usage.completion_tokens, 3);
  });

  it('never leaves a broken character when truncating', () => {
    const cut = truncateToTokens('日本語テキスト🦄🦄🦄', 4);
    assert.ok(cut.truncated);
    assert.ok(!cut.text.includes('\uFFFD'));
  });

  it('streams at least five pieces that join to the reply', () => {
    for (const text of ['Echo: Hi', 'Echo: a longer sentence, with 🦄 emoji and 日本語']) {
      const pieces = streamPieces(text);
      assert.ok(pieces.length >= 5, `${pieces.length} pieces for ${text}`);
      assert.equal(pieces.join(''), text);
    }
  });

  it('rejects a chat body without messages', () => {
    assert.throws(() => chatCompletion({}, 'd'), (err: unknown) => err instanceof EmulatorError && err.errorName === 'invalid_request' && err.param === 'messages');
    assert.throws(() => chatCompletion({ messages: [{ role: 'user', content: 'x' }], max_tokens: 0 }, 'd'), EmulatorError);
  });

  it('answers legacy completions, one choice per prompt', () => {
    const reply = jsonBody(completion({ prompt: ['one', 'two'], max_tokens: 50 }, 'd'));
    assert.deepEqual(reply.choices.map((c: { text: string }) => c.text), ['Echo: one', 'Echo: two']);
    assert.equal(reply.object, 'text_completion');
  });

  it('makes unit embedding vectors that depend only on the input', () => {
    const input = { text: 'hello', tokens: 1, tokenIds: null };
    const a = embeddingVector(input, 1536);
    const b = embeddingVector(input, 1536);
    const c = embeddingVector({ ...input, text: 'hello!' }, 1536);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    const norm = Math.sqrt(a.reduce((s, v) => s + v * v, 0));
    assert.ok(Math.abs(norm - 1) < 1e-5);
    const decoded = Buffer.from(toBase64Float32(a), 'base64');
    assert.equal(decoded.length, 1536 * 4);
    assert.equal(decoded.readFloatLE(4), a[1]);
  });

  it('honours dimensions and every input shape', () => {
    const reply = jsonBody(embeddings({ input: [[1, 2, 3], [4, 5]], dimensions: 8 }, 'emb'));
    assert.equal(reply.data.length, 2);
    assert.equal(reply.data[0].embedding.length, 8);
    assert.equal(reply.usage.prompt_tokens, 5);
    assert.throws(() => embeddings({ input: '' }, 'emb'), EmulatorError);
    assert.throws(() => embeddings({ input: 'x', dimensions: 5000 }, 'emb'), EmulatorError);
  });

  it('faults every Nth request and restarts the count when set again', () => {
    const faults = new FaultInjector({ mode: 'status500', every: 3 });
    assert.deepEqual([1, 2, 3, 4, 5, 6].map(() => faults.next()?.mode ?? null), [null, null, 'status500', null, null, 'status500']);
    faults.set({ mode: 'reset', every: 2 });
    assert.equal(faults.next(), null);
    assert.equal(faults.next()?.mode, 'reset');
    faults.set(null);
    assert.equal(faults.next(), null);
    assert.throws(() => faults.set({ mode: 'nope' as 'hang' }), TypeError);
  });

  it('parses the CLI fault syntax', () => {
    assert.deepEqual(parseFaultSpec('status429'), { mode: 'status429' });
    assert.deepEqual(parseFaultSpec('status429:3:2'), { mode: 'status429', every: 3, retryAfterSeconds: 2 });
    assert.throws(() => parseFaultSpec('status418'), TypeError);
    assert.throws(() => parseFaultSpec('hang:0'), TypeError);
  });

  it('accepts its own tokens only for the Azure OpenAI audience', () => {
    const issuer = new TokenIssuer(3600);
    const good = issuer.issue('https://cognitiveservices.azure.com/.default').token;
    const other = issuer.issue('https://management.azure.com/').token;
    assert.ok(issuer.accepts(good));
    assert.ok(!issuer.accepts(other));
    assert.ok(!issuer.accepts('forged'));
    assert.equal(issuer.issued, 2);
  });

  it('stops accepting a token once it expires', async () => {
    const issuer = new TokenIssuer(0.05);
    const token = issuer.issue('https://cognitiveservices.azure.com').token;
    assert.ok(issuer.accepts(token));
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.ok(!issuer.accepts(token));
  });
});
