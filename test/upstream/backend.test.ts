import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnostics from 'node:diagnostics_channel';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackendConfigSchema, type BackendConfig } from '../../src/upstream/backend-config.js';
import { provisionBackend, type Backend, type BackendContext } from '../../src/upstream/backend.js';
import { classifyUpstreamError } from '../../src/upstream/upstream-errors.js';
import { ConfigError } from '../../src/config/config-error.js';
import { createTestPki, startServer, LogCapture, type TestPki, type TestServer } from './helpers.js';

/**
 * The backend's connection: name resolution override, TLS trust and name verification,
 * Host override, the private-address rule and timeouts, over real TLS on loopback.
 * `aoai.example.test` does not resolve (RFC 6761 reserves .test): only `resolve` or the
 * injected lookup can make these connections work.
 */

const NAME = 'aoai.example.test';

let pki: TestPki;
let good: TestServer; // cert for aoai.example.test and custom.example.test, signed by the test CA
let other: TestServer; // cert for other.example.test only
let selfSigned: TestServer; // cert from a CA the backend does not trust
let hanging: TestServer; // accepts, never answers
let ipOnly: TestServer; // cert for IP 127.0.0.1 only
const backends: Backend[] = [];
const logs = new LogCapture();

function cfg(extra: Record<string, unknown>): BackendConfig {
  return BackendConfigSchema.parse({ name: 'b0', url: `https://${NAME}:${good.port}`, auth: { type: 'none' }, probe: { enabled: false }, ...extra });
}

async function provision(c: BackendConfig, ctx: Partial<BackendContext> = {}): Promise<Backend> {
  const b = await provisionBackend(c, { baseDir: pki.dir, path: 'backends[0]', log: logs.logger, ...ctx });
  backends.push(b);
  return b;
}

async function get(b: Backend, path = '/probe', headers: Record<string, string> = { host: b.hostHeader }): Promise<{ status: number; body: string }> {
  const res = await b.dispatcher.request({ path, method: 'GET', headers });
  return { status: res.statusCode, body: await res.body.text() };
}

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.fail('expected the request to fail');
}

before(async () => {
  pki = createTestPki();
  const goodCert = pki.issue('good', [NAME, 'custom.example.test']);
  const otherCert = pki.issue('other', ['other.example.test']);
  const foreign = createTestPki('Some other CA');
  const foreignCert = foreign.issue('foreign', [NAME]);
  foreign.cleanup();
  const hello = (_req: unknown, res: import('node:http').ServerResponse): void => {
    res.setHeader('content-type', 'text/plain');
    res.end('hello');
  };
  good = await startServer({ tls: goodCert, handler: hello });
  other = await startServer({ tls: otherCert, handler: hello });
  selfSigned = await startServer({ tls: foreignCert, handler: hello });
  hanging = await startServer({ tls: goodCert, handler: () => undefined });
  ipOnly = await startServer({ tls: pki.issue('ip', [], ['127.0.0.1']), handler: hello });
});

after(async () => {
  await Promise.all(backends.map((b) => b.close()));
  await Promise.all([good, other, selfSigned, hanging, ipOnly].map((s) => s?.close()));
  pki?.cleanup();
});

test('resolve override: a name that does not resolve reaches 127.0.0.1, and TLS verifies that name', async () => {
  const b = await provision(cfg({ resolve: ['127.0.0.1'], ca: pki.caFile }));
  assert.equal(b.origin, `https://${NAME}:${good.port}`);
  assert.equal(b.hostHeader, `${NAME}:${good.port}`);
  const r = await get(b);
  assert.equal(r.status, 200);
  assert.equal(r.body, 'hello');
  const seen = good.requests.at(-1)!;
  assert.equal(seen.servername, NAME, 'SNI is the real host name, not the address');
  assert.equal(seen.headers.host, `${NAME}:${good.port}`);
});

test('resolve override: a certificate for another name fails with upstream_tls_error', async () => {
  const b = await provision(cfg({ url: `https://${NAME}:${other.port}`, resolve: ['127.0.0.1'], ca: pki.caFile }));
  const before = other.requests.length;
  const err = await failure(get(b));
  assert.equal((err as { code?: string }).code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.equal(classifyUpstreamError(err), 'upstream_tls_error');
  assert.equal(other.requests.length, before, 'no request was sent over the unverified connection');
});

test('hostHeader reaches the server as Host and is the name TLS verifies', async () => {
  const b = await provision(cfg({ resolve: ['127.0.0.1'], ca: pki.caFile, hostHeader: 'custom.example.test' }));
  assert.equal(b.hostHeader, 'custom.example.test');
  assert.equal(b.tlsName, 'custom.example.test');
  assert.equal((await get(b)).status, 200);
  const seen = good.requests.at(-1)!;
  assert.equal(seen.headers.host, 'custom.example.test');
  assert.equal(seen.servername, 'custom.example.test');

  // The override decides the name checked: a cert for other.example.test passes when the
  // Host override says other.example.test, even though the url says aoai.example.test.
  const o = await provision(cfg({ url: `https://${NAME}:${other.port}`, resolve: ['127.0.0.1'], ca: pki.caFile, hostHeader: 'other.example.test' }));
  assert.equal((await get(o)).status, 200);
});

test('the verified name comes from the config, not from a request\'s Host header', async () => {
  const b = await provision(cfg({ url: `https://${NAME}:${other.port}`, resolve: ['127.0.0.1'], ca: pki.caFile }));
  // undici would derive SNI and the checked name from this Host; the backend pins it.
  const err = await failure(get(b, '/', { host: 'other.example.test' }));
  assert.equal(classifyUpstreamError(err), 'upstream_tls_error');
});

test('IP names: an IP-literal url is verified against the IP; an IP hostHeader is what gets verified', async () => {
  const literal = await provision(cfg({ url: `https://127.0.0.1:${ipOnly.port}`, ca: pki.caFile }));
  assert.equal(literal.tlsName, '127.0.0.1');
  assert.equal((await get(literal)).status, 200);
  assert.equal(ipOnly.requests.at(-1)!.servername, false, 'no SNI for an IP (RFC 6066 §3)');

  // url names a host, the Host override is an IP: the IP SAN is what must match.
  const ipHost = await provision(cfg({ url: `https://${NAME}:${ipOnly.port}`, resolve: ['127.0.0.1'], ca: pki.caFile, hostHeader: '127.0.0.1' }));
  assert.equal((await get(ipHost)).status, 200);
  const named = await provision(cfg({ url: `https://${NAME}:${ipOnly.port}`, resolve: ['127.0.0.1'], ca: pki.caFile }));
  assert.equal(classifyUpstreamError(await failure(get(named))), 'upstream_tls_error');
});

test('extra CA: without `ca` the private-CA backend fails verification; with it, it works', async () => {
  const without = await provision(cfg({ resolve: ['127.0.0.1'] }));
  const err = await failure(get(without));
  assert.equal(classifyUpstreamError(err), 'upstream_tls_error', String((err as Error).message));
  const withCa = await provision(cfg({ resolve: ['127.0.0.1'], ca: pki.caFile }));
  assert.equal((await get(withCa)).status, 200);
  // The extra CA is added to the roots, it does not replace them: a server from another CA still fails.
  const foreign = await provision(cfg({ url: `https://${NAME}:${selfSigned.port}`, resolve: ['127.0.0.1'], ca: pki.caFile }));
  assert.equal(classifyUpstreamError(await failure(get(foreign))), 'upstream_tls_error');
});

test('requirePrivateAddress with resolve [8.8.8.8]: refused in lookup, before any connection', async () => {
  const b = await provision(cfg({ resolve: ['8.8.8.8'], requirePrivateAddress: true, ca: pki.caFile }));
  // Guard first: the lookup itself must refuse, so the request below cannot send a packet out.
  const looked = await new Promise<NodeJS.ErrnoException | null>((resolve) => b.egress.lookup(NAME, { all: true }, (err) => resolve(err)));
  assert.equal(looked?.code, 'PCS_ERR_NOT_PRIVATE');

  let connected = 0;
  const onConnected = (): void => {
    connected++;
  };
  diagnostics.subscribe('undici:client:connected', onConnected);
  try {
    const started = Date.now();
    const err = await failure(get(b));
    assert.equal((err as { code?: string }).code, 'PCS_ERR_NOT_PRIVATE');
    assert.equal(classifyUpstreamError(err), 'upstream_not_private');
    assert.equal(connected, 0);
    assert.ok(Date.now() - started < 1000, 'failed at once, no connect attempt to time out');
  } finally {
    diagnostics.unsubscribe('undici:client:connected', onConnected);
  }
  const line = logs.lines.find((l) => l.code === 'PCS_ERR_NOT_PRIVATE');
  assert.ok(line !== undefined, 'the refusal is logged');
  assert.equal(line.backend, 'b0');
  assert.equal(line.hostname, NAME);
  assert.equal(line.address, '8.8.8.8');
  assert.match(String(line.msg), /not on the private network/);
});

test('requirePrivateAddress: one public address in the answer refuses even the private one (nothing reaches the server)', async () => {
  const b = await provision(cfg({ resolve: ['127.0.0.1', '8.8.8.8'], requirePrivateAddress: true, ca: pki.caFile }));
  const before = good.connections;
  assert.equal(classifyUpstreamError(await failure(get(b))), 'upstream_not_private');
  assert.equal(good.connections, before, 'the check ran before any TCP connection');
});

test('requirePrivateAddress with resolve [127.0.0.1] works (loopback counts as private)', async () => {
  const b = await provision(cfg({ resolve: ['127.0.0.1'], requirePrivateAddress: true, ca: pki.caFile }));
  assert.equal((await get(b)).status, 200);
});

test('requirePrivateAddress applies to DNS answers too (metadata address refused, loopback allowed)', async () => {
  const answers: Record<string, string> = { [NAME]: '169.254.169.254', 'custom.example.test': '127.0.0.1' };
  const dnsLookup: BackendContext['dnsLookup'] = (hostname, _opts, cb) => {
    const a = answers[hostname];
    if (a === undefined) cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
    else process.nextTick(() => cb(null, [{ address: a, family: 4 }]));
  };
  const meta = await provision(cfg({ requirePrivateAddress: true, ca: pki.caFile }), { dnsLookup });
  const looked = await new Promise<NodeJS.ErrnoException | null>((resolve) => meta.egress.lookup(NAME, {}, (err) => resolve(err)));
  assert.equal(looked?.code, 'PCS_ERR_NOT_PRIVATE');
  assert.equal(classifyUpstreamError(await failure(get(meta))), 'upstream_not_private');

  const ok = await provision(cfg({ url: `https://custom.example.test:${good.port}`, requirePrivateAddress: true, ca: pki.caFile }), { dnsLookup });
  assert.equal((await get(ok)).status, 200);

  const missing = await provision(cfg({ url: `https://nowhere.example.test:${good.port}`, ca: pki.caFile }), { dnsLookup });
  const err = await failure(get(missing));
  assert.equal((err as { code?: string }).code, 'ENOTFOUND');
  assert.equal(classifyUpstreamError(err), 'upstream_error');
});

test('requirePrivateAddress on an IP-literal url: checked in the connector (node skips lookup for literals)', async () => {
  // 0.0.0.0 is not private; were the check missing, the connection would land on this
  // host, never outside.
  const b = await provision(cfg({ url: `https://0.0.0.0:${good.port}`, requirePrivateAddress: true, ca: pki.caFile }));
  const before = good.connections;
  assert.equal(classifyUpstreamError(await failure(get(b))), 'upstream_not_private');
  assert.equal(good.connections, before);
  assert.ok(logs.lines.some((l) => l.msg !== undefined && String(l.msg).includes('0.0.0.0 is not a private address')), 'warned at provision');
});

test('headersTimeoutMs: a server that never answers → upstream_timeout', async () => {
  const b = await provision(cfg({ url: `https://${NAME}:${hanging.port}`, resolve: ['127.0.0.1'], ca: pki.caFile, headersTimeoutMs: 200 }));
  const started = Date.now();
  const err = await failure(get(b));
  assert.equal((err as { code?: string }).code, 'UND_ERR_HEADERS_TIMEOUT');
  assert.equal(classifyUpstreamError(err), 'upstream_timeout');
  // undici's timers tick coarsely (about every 500 ms) for long timeouts; this one is short.
  assert.ok(Date.now() - started < 3000);
});

test('plain http backend with allowPlaintext, and apiKey auth header for the proxy', async () => {
  const plain = await startServer({ handler: (_req, res) => res.end('plain') });
  try {
    process.env.PCS_TEST_UPSTREAM_KEY = 'k-123';
    const b = await provision(BackendConfigSchema.parse({ name: 'plain', url: `http://127.0.0.1:${plain.port}`, allowPlaintext: true, auth: { type: 'apiKey', key: { env: 'PCS_TEST_UPSTREAM_KEY' } } }));
    assert.equal(b.tlsName, null);
    assert.equal(b.auth.headerName, 'api-key');
    assert.equal(b.auth.header(), 'k-123');
    const r = await get(b, '/', { host: b.hostHeader, 'api-key': b.auth.header()! });
    assert.equal(r.body, 'plain');
    assert.equal(plain.requests[0]!.headers['api-key'], 'k-123');
    await b.close();
  } finally {
    delete process.env.PCS_TEST_UPSTREAM_KEY;
    await plain.close();
  }
});

test('provisioning errors name their place; close() is safe twice', async () => {
  const missing = await failure(provision(cfg({ ca: 'no-such-ca.pem' })));
  assert.ok(missing instanceof ConfigError);
  assert.equal(missing.path, 'backends[0].ca');

  writeFileSync(join(pki.dir, 'not-a-cert.pem'), 'hello\n');
  const notPem = await failure(provision(cfg({ ca: 'not-a-cert.pem' })));
  assert.ok(notPem instanceof ConfigError);
  assert.equal(notPem.path, 'backends[0].ca');

  writeFileSync(join(pki.dir, 'broken.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
  const broken = await failure(provision(cfg({ ca: 'broken.pem' })));
  assert.ok(broken instanceof ConfigError);
  assert.match(broken.message, /does not parse/);

  const noKey = await failure(provision(cfg({ auth: { type: 'apiKey', key: { env: 'PCS_TEST_SURELY_UNSET' } } })));
  assert.ok(noKey instanceof ConfigError);
  assert.equal(noKey.path, 'backends[0].auth.key.env');

  const b = await provision(cfg({ resolve: ['127.0.0.1'], ca: pki.caFile }));
  await b.close();
  await b.close();
  await assert.rejects(get(b));
});
