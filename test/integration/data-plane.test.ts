import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, call, rawExchange, API_VERSION, type Harness } from '../helpers/harness.js';
import { generateKey, hashKey } from '../../src/identity/key-hash.js';

const CHAT = `/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
let h: Harness;
const restrictedKey = generateKey();
const expiredKey = generateKey();

before(async () => {
  h = await startHarness({
    emulator: { chunkDelayMs: 40 },
    keysYaml: `  - id: only-embed
    hash: ${hashKey(restrictedKey)}
    deployments: [embed]
  - id: old
    hash: ${hashKey(expiredKey)}
    deployments: ["*"]
    expiresAt: "2020-01-01T00:00:00Z"
`,
    limitsYaml: 'limits:\n  maxBodyBytes: 65536\n  bufferBodyBytes: 4096\n  maxUrlBytes: 2048\n  maxHeaderBytes: 8192\n',
  });
});
after(async () => {
  await h.close();
});

test('the openai SDK chats through the gateway', async () => {
  const r = await h.sdk().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello gateway' }] });
  assert.match(r.choices[0]!.message.content ?? '', /Hello gateway/);
  assert.ok(r.usage!.prompt_tokens > 0);
});

test('SSE chunks reach the client as the backend sends them, usage included', async () => {
  const stream = await h.sdk().chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'Tell me a long story about gateways and castles' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  const arrivals: number[] = [];
  let usage = 0;
  let text = '';
  const t0 = Date.now();
  for await (const chunk of stream) {
    arrivals.push(Date.now() - t0);
    text += chunk.choices[0]?.delta?.content ?? '';
    if (chunk.usage) usage = chunk.usage.total_tokens;
  }
  assert.ok(arrivals.length >= 5, `only ${arrivals.length} chunks`);
  assert.ok(usage > 0, 'usage chunk forwarded');
  assert.ok(text.length > 0);
  // With 40 ms between backend chunks, a buffering proxy would deliver everything at the end.
  const first = arrivals[0]!;
  const last = arrivals[arrivals.length - 1]!;
  assert.ok(last - first >= 40 * (arrivals.length - 2) * 0.5, `chunks arrived bunched: first ${first} ms, last ${last} ms`);
});

test('embeddings go to the backend deployment name (upstreamName)', async () => {
  const r = await h.sdk({ deployment: 'embed' }).embeddings.create({ model: 'embed', input: ['a', 'b'] });
  assert.equal(r.data.length, 2);
  assert.ok(r.data[0]!.embedding.length > 0);
  assert.equal(h.emulator.stats().lastPath?.split('?')[0], '/openai/deployments/text-embedding-3-small/embeddings');
});

test('the client credential never reaches the backend; forwarding headers are set', async () => {
  const r = await call(h, CHAT, { headers: { 'api-key': h.key, 'x-forwarded-for': '6.6.6.6', cookie: 'a=b' } });
  assert.equal(r.status, 200);
  const seen = h.emulator.stats().lastHeaders!;
  assert.equal(seen['api-key'], 'backend-secret-key');
  assert.equal(seen.authorization, undefined);
  assert.equal(seen.cookie, undefined);
  // 127.0.0.1 is not a trusted proxy here, so the forged header is replaced, not appended to.
  assert.equal(seen['x-forwarded-for'], '127.0.0.1');
  assert.equal(seen['x-forwarded-proto'], 'https');
  assert.equal(seen['x-request-id'], r.headers['x-request-id']);
});

test('bearer keys work like api-key, and the backend sees its own key', async () => {
  const r = await call(h, CHAT, { headers: { authorization: `Bearer ${h.key}` } });
  assert.equal(r.status, 200);
  assert.equal(h.emulator.stats().lastHeaders!.authorization, undefined);
});

test('x-request-id is generated, or propagated when sane, and returned', async () => {
  const a = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.match(String(a.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  const b = await call(h, CHAT, { headers: { 'api-key': h.key, 'x-request-id': 'trace-123' } });
  assert.equal(b.headers['x-request-id'], 'trace-123');
  const c = await call(h, CHAT, { headers: { 'api-key': h.key, 'x-request-id': 'bad id\twith spaces' } });
  assert.notEqual(c.headers['x-request-id'], 'bad id\twith spaces');
  const d = await call(h, '/nope', { headers: { 'api-key': h.key } });
  assert.ok(d.headers['x-request-id'], 'errors carry a request id too');
});

test('backend headers useful to clients pass through', async () => {
  const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.ok(r.headers['x-ratelimit-remaining-requests'] !== undefined);
  assert.ok(r.headers['apim-request-id'] !== undefined);
  assert.equal(r.headers['x-ms-region'], 'Emulator');
});

test('credentials: missing, wrong, expired, ambiguous → 401; wrong deployment → 403', async () => {
  const cases: [Record<string, string>, number, string][] = [
    [{}, 401, 'credential_missing'],
    [{ 'api-key': 'pcs_wrong' }, 401, 'credential_invalid'],
    [{ 'api-key': expiredKey }, 401, 'credential_expired'],
    [{ 'api-key': h.key, authorization: `Bearer ${h.key}` }, 401, 'credential_ambiguous'],
    [{ authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }, 401, 'credential_invalid'],
    [{ 'api-key': restrictedKey }, 403, 'deployment_forbidden'],
  ];
  for (const [headers, status, code] of cases) {
    const r = await call(h, CHAT, { headers });
    assert.equal(r.status, status, `${JSON.stringify(headers)} → ${r.text}`);
    assert.deepEqual((r.json() as { error: { code: string } }).error.code, code);
    assert.equal(r.headers['content-type'], 'application/json');
  }
});

test('the SDK surfaces a gateway 401 as an AuthenticationError', async () => {
  await assert.rejects(h.sdk({ apiKey: 'pcs_nope' }).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] }), (err: { status?: number }) => err.status === 401);
});

test('repeated api-key headers are refused, not joined', async () => {
  const r = await rawExchange(h, (s) => s.write(`GET ${CHAT} HTTP/1.1\r\nhost: localhost\r\napi-key: ${h.key}\r\napi-key: other\r\nconnection: close\r\n\r\n`));
  assert.match(r, /^HTTP\/1\.1 401/);
  assert.match(r, /credential_ambiguous/);
});

test('paths outside the data-plane tree and path tricks are 404 without touching the backend', async () => {
  const before = h.emulator.stats().requests;
  const paths = [
    '/',
    '/admin',
    '/openai/deployments/gpt-4o/../../../admin?api-version=2024-10-21',
    '/openai/deployments/gpt-4o/%2e%2e/%2e%2e/x?api-version=2024-10-21',
    '/openai/deployments/gpt-4o%2fchat/completions?api-version=2024-10-21',
    '/openai/deployments/gpt-4o//chat/completions?api-version=2024-10-21',
    '/openai/deployments/gpt-4o/./chat/completions?api-version=2024-10-21',
    '/openai/deployments/gpt-4o?api-version=2024-10-21',
    '/OPENAI/deployments/gpt-4o/chat/completions?api-version=2024-10-21',
  ];
  // HTTP clients normalise dot segments and backslashes (WHATWG URL), so these go out raw.
  for (const p of [...paths, `/openai/deployments/gpt-4o/chat\\completions?api-version=${API_VERSION}`]) {
    const r = await rawExchange(h, (s) => s.write(`POST ${p} HTTP/1.1\r\nhost: localhost\r\napi-key: ${h.key}\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}`));
    assert.match(r, /^HTTP\/1\.1 404 /, p);
    assert.match(r, /"code":"route_not_found"/, p);
  }
  const unknown = await call(h, `/openai/deployments/nope/chat/completions?api-version=${API_VERSION}`, { headers: { 'api-key': h.key } });
  assert.equal(unknown.status, 404);
  assert.equal((unknown.json() as { error: { code: string } }).error.code, 'deployment_not_found');
  // The probe may have run meanwhile; data-plane requests are what the emulator counts.
  assert.equal(h.emulator.stats().requests, before);
});

test('unknown deployments are not revealed before authentication', async () => {
  const r = await call(h, `/openai/deployments/nope/chat/completions?api-version=${API_VERSION}`);
  assert.equal(r.status, 401);
});

test('api-version is required and checked; methods are limited', async () => {
  const base = '/openai/deployments/gpt-4o/chat/completions';
  const cases: [string, string, number, string][] = [
    [base, 'POST', 400, 'missing_api_version'],
    [`${base}?api-version=yesterday`, 'POST', 400, 'invalid_api_version'],
    [`${base}?api-version=2024-10-21&api-version=2024-02-01`, 'POST', 400, 'invalid_api_version'],
    [`${base}?api-version=${API_VERSION}`, 'PUT', 405, 'method_not_allowed'],
  ];
  for (const [path, method, status, code] of cases) {
    const r = await call(h, path, { method, headers: { 'api-key': h.key } });
    assert.equal(r.status, status, `${method} ${path}`);
    assert.equal((r.json() as { error: { code: string } }).error.code, code);
  }
});

test('oversized bodies get 413, declared or chunked, and the gateway keeps serving', async () => {
  const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(70_000) }] });
  const declared = await call(h, CHAT, { headers: { 'api-key': h.key }, body: big });
  assert.equal(declared.status, 413);
  assert.equal((declared.json() as { error: { code: string } }).error.code, 'body_too_large');

  const chunked = await rawExchange(h, (s) => {
      s.write(`POST ${CHAT} HTTP/1.1\r\nhost: localhost\r\napi-key: ${h.key}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`);
      const piece = 'y'.repeat(16_000);
      for (let i = 0; i < 6; i++) s.write(`${piece.length.toString(16)}\r\n${piece}\r\n`);
      s.write('0\r\n\r\n');
  });
  assert.match(chunked, /^HTTP\/1\.1 413/);

  const ok = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(ok.status, 200);
});

test('a body up to bufferBodyBytes is read whole before the backend is contacted; a larger one streams', async () => {
  for (const [size, streams] of [[1000, false], [20_000, true]] as const) {
    const body = JSON.stringify({ messages: [{ role: 'user', content: 'z'.repeat(size) }] });
    const before = h.emulator.stats().requests;
    let backendDuringStall = -1;
    const answer = await rawExchange(h, (s) => {
      s.write(`POST ${CHAT} HTTP/1.1\r\nhost: localhost\r\napi-key: ${h.key}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n`);
      s.write(body.slice(0, -10));
      // The client stalls before its last bytes: only a streamed body has reached the backend by now.
      setTimeout(() => {
        backendDuringStall = h.emulator.stats().requests - before;
        s.write(body.slice(-10));
      }, 300);
    });
    assert.match(answer, /^HTTP\/1\.1 200/, `${size}-byte prompt`);
    assert.equal(backendDuringStall, streams ? 1 : 0, `${size}-byte prompt`);
    assert.equal(h.emulator.stats().lastBody, body, 'the backend got the body as sent');
  }
});

test('a client that leaves while its small body is read never reaches the backend and is logged as 499', async () => {
  const before = h.emulator.stats().requests;
  await rawExchange(h, (s) => {
    s.write(`POST ${CHAT} HTTP/1.1\r\nhost: localhost\r\napi-key: ${h.key}\r\nx-request-id: left-mid-body\r\ncontent-type: application/json\r\ncontent-length: 500\r\n\r\n{"messages":`);
    setTimeout(() => s.destroy(), 100);
  });
  const line = await h.logs.waitForRequest('left-mid-body');
  assert.deepEqual({ status: line.status, reason: line.reason, backend: line.backend }, { status: 499, reason: 'client_closed', backend: 'emulator' });
  assert.equal(h.emulator.stats().requests, before, 'the backend was never asked');
});

test('a long URI gets 414, huge headers 431, malformed JSON on v1 400', async () => {
  const long = await call(h, `${CHAT}&x=${'a'.repeat(3000)}`, { headers: { 'api-key': h.key } });
  assert.equal(long.status, 414);
  assert.equal((long.json() as { error: { code: string } }).error.code, 'uri_too_long');

  const huge = await call(h, CHAT, { headers: { 'api-key': h.key, 'x-filler': 'z'.repeat(10_000) } }).catch((e: Error) => e);
  assert.ok(!(huge instanceof Error), 'expected a 431 response');
  assert.equal(huge.status, 431);

  const bad = await call(h, '/openai/v1/chat/completions', { headers: { 'api-key': h.key }, body: '{"model": "gpt-4o", "messages": [' });
  assert.equal(bad.status, 400);
  assert.equal((bad.json() as { error: { code: string } }).error.code, 'invalid_json');

  const ok = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(ok.status, 200);
});

test('compressed request bodies are refused rather than inspected blindly', async () => {
  const r = await call(h, CHAT, { headers: { 'api-key': h.key, 'content-encoding': 'gzip' } });
  assert.equal(r.status, 415);
});

test('/openai/v1 routes pick the deployment from the body model', async () => {
  const r = await call(h, '/openai/v1/chat/completions', { headers: { 'api-key': h.key }, body: JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'v1 hello' }] }) });
  assert.equal(r.status, 200, r.text);
  assert.equal(h.emulator.stats().lastPath?.split('?')[0], '/openai/v1/chat/completions');
  const forbidden = await call(h, '/openai/v1/chat/completions', { headers: { 'api-key': restrictedKey }, body: JSON.stringify({ model: 'gpt-4o', messages: [] }) });
  assert.equal(forbidden.status, 403);
  const missing = await call(h, '/openai/v1/models', { method: 'GET', headers: { 'api-key': h.key } });
  assert.equal(missing.status, 400);
  assert.equal((missing.json() as { error: { code: string } }).error.code, 'model_required');
});

test('the access log has one line per request with the key id, never the key', async () => {
  const r = await call(h, CHAT, { headers: { 'api-key': h.key, 'x-request-id': 'log-check-1' } });
  assert.equal(r.status, 200);
  const line = await h.logs.waitForRequest('log-check-1');
  assert.equal(line.keyId, 'all');
  assert.equal(line.deployment, 'gpt-4o');
  assert.equal(line.status, 200);
  assert.equal(line.client, '127.0.0.1');
  assert.equal(typeof line.durationMs, 'number');
  assert.equal(typeof line.upstreamMs, 'number');
  assert.ok((line.bytesIn as number) > 0 && (line.bytesOut as number) > 0);
  const denied = await call(h, CHAT, { headers: { 'api-key': 'pcs_wrong', 'x-request-id': 'log-check-2' } });
  assert.equal(denied.status, 401);
  assert.equal((await h.logs.waitForRequest('log-check-2')).reason, 'credential_invalid');
  const all = JSON.stringify(h.logs.lines);
  assert.ok(!all.includes(h.key), 'a key leaked into the log');
  assert.ok(!all.includes('backend-secret-key'), 'the backend key leaked into the log');
});

test('backend 429 with retry-after reaches the client unchanged', async () => {
  h.emulator.setFaults({ mode: 'status429', retryAfterSeconds: 7 });
  try {
    const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
    assert.equal(r.status, 429);
    assert.equal(r.headers['retry-after'], '7');
    assert.ok(r.headers['retry-after-ms'] !== undefined);
  } finally {
    h.emulator.setFaults(null);
  }
});

test('a backend reset becomes 502 upstream_error', async () => {
  h.emulator.setFaults({ mode: 'reset' });
  try {
    const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
    assert.equal(r.status, 502);
    assert.equal((r.json() as { error: { code: string } }).error.code, 'upstream_error');
  } finally {
    h.emulator.setFaults(null);
  }
});

test('control plane: /healthz alive, /readyz ready, /metrics counts requests', async () => {
  const base = `http://127.0.0.1:${h.gateway.control!.address.port}`;
  assert.equal((await fetch(`${base}/healthz`)).status, 200);
  const ready = await fetch(`${base}/readyz`);
  assert.equal(ready.status, 200);
  const body = (await ready.json()) as { backends: { name: string; health: { status: string } }[] };
  assert.equal(body.backends[0]!.health.status, 'healthy');
  const metrics = await (await fetch(`${base}/metrics`)).text();
  assert.match(metrics, /portcullis_requests_total\{deployment="gpt-4o",status="200",reason=""\} \d+/);
  assert.ok(!metrics.includes(h.key));
});

test('hop-by-hop headers, and those named in Connection, do not reach the backend', async () => {
  const r = await rawExchange(h, (s) =>
    s.write(
      `POST ${CHAT} HTTP/1.1\r\nhost: localhost\r\napi-key: ${h.key}\r\ncontent-type: application/json\r\ncontent-length: 47\r\n` +
        'connection: close, x-hop-secret\r\nx-hop-secret: 1\r\nkeep-alive: timeout=5\r\nte: trailers\r\nproxy-authorization: Basic eA==\r\nx-end-to-end: kept\r\n\r\n' +
        '{"messages":[{"role":"user","content":"hi!!"}]}',
    ),
  );
  assert.match(r, /^HTTP\/1\.1 200/);
  const seen = h.emulator.stats().lastHeaders!;
  for (const name of ['x-hop-secret', 'keep-alive', 'te', 'proxy-authorization']) assert.equal(seen[name], undefined, name);
  assert.equal(seen['x-end-to-end'], 'kept');
  assert.equal(seen.host, `127.0.0.1:${h.emulator.port}`);
});
