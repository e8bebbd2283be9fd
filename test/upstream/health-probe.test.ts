import { after, before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse, IncomingMessage } from 'node:http';
import { BackendConfigSchema } from '../../src/upstream/backend-config.js';
import { provisionBackend, type Backend } from '../../src/upstream/backend.js';
import { HealthProber, StatusMatcher } from '../../src/upstream/health-probe.js';
import { HealthState } from '../../src/upstream/health-state.js';
import { BackendPool } from '../../src/upstream/pool.js';
import { ConfigError } from '../../src/config/config-error.js';
import { createTestPki, startServer, LogCapture, sleep, waitFor, type TestPki, type TestServer } from './helpers.js';

const NAME = 'aoai.example.test';

let pki: TestPki;
let server: TestServer;
const backends: Backend[] = [];
const probers: HealthProber[] = [];
const logs = new LogCapture();

/** Answers like Azure OpenAI at `/` (404) unless the test says otherwise. */
let status = 404;
let hang = false;
const handler = (req: IncomingMessage, res: ServerResponse): void => {
  if (hang) return;
  res.statusCode = new URL(req.url ?? '/', 'https://x').pathname === '/' ? status : 200;
  res.end(JSON.stringify({ error: { code: '404', message: 'Resource not found' } }));
};

before(async () => {
  pki = createTestPki();
  server = await startServer({ tls: pki.issue('srv', [NAME]), handler });
  process.env.PCS_TEST_PROBE_KEY = 'probe-must-not-see-this';
});

after(async () => {
  for (const p of probers) p.stop();
  await Promise.all(backends.map((b) => b.close()));
  await server?.close();
  pki?.cleanup();
  delete process.env.PCS_TEST_PROBE_KEY;
});

/**
 * A backend and its prober, stopped when the test ends whatever happens. Each probes
 * `/?probe=<name>` so the shared server can tell the probers apart.
 */
async function setup(t: TestContext, probe: Record<string, unknown>, extra: Record<string, unknown> = {}, onChange?: (healthy: boolean) => void): Promise<{ backend: Backend; prober: HealthProber; seen: () => number }> {
  const name = `b${backends.length}`;
  const path = `/?probe=${name}`;
  const cfg = BackendConfigSchema.parse({
    name,
    url: `https://${NAME}:${server.port}`,
    resolve: ['127.0.0.1'],
    ca: pki.caFile,
    auth: { type: 'apiKey', key: { env: 'PCS_TEST_PROBE_KEY' } },
    probe: { path, ...probe },
    ...extra,
  });
  const backend = await provisionBackend(cfg, { baseDir: pki.dir, path: `backends[${backends.length}]`, log: logs.logger });
  backends.push(backend);
  const prober = new HealthProber(backend, cfg.probe, logs.logger, onChange);
  probers.push(prober);
  t.after(() => prober.stop());
  return { backend, prober, seen: () => server.requests.filter((r) => r.url === path).length };
}

test('StatusMatcher: codes and ranges', () => {
  const m = new StatusMatcher(['200-399', '404'], 'p');
  for (const s of [200, 204, 301, 399, 404]) assert.equal(m.matches(s), true, String(s));
  for (const s of [100, 199, 400, 401, 403, 405, 500, 503, 599]) assert.equal(m.matches(s), false, String(s));
  assert.throws(() => new StatusMatcher(['200', 'abc'], 'backends[0].probe.expectStatus'), (e: unknown) => e instanceof ConfigError && e.path === 'backends[0].probe.expectStatus[1]');
  assert.throws(() => new StatusMatcher(['500-400'], 'x'), ConfigError);
});

test('health: 404 → healthy; 500 → unhealthy after unhealthyThreshold; 404 → healthy after healthyThreshold', async (t) => {
  status = 404;
  const changes: { healthy: boolean; passes: number; failures: number }[] = [];
  const { backend, prober } = await setup(t, { intervalMs: 50, timeoutMs: 3000, healthyThreshold: 2, unhealthyThreshold: 3 }, {}, (healthy) => {
    changes.push({ healthy, passes: backend.health.consecutivePasses, failures: backend.health.consecutiveFailures });
  });
  assert.equal(backend.health.status, 'unknown', 'unknown before the first probe');
  await prober.start();
  // The first probe decides directly.
  assert.equal(backend.health.status, 'healthy');
  assert.equal(backend.health.lastStatusCode, 404);
  assert.equal(backend.health.lastError, null);
  assert.equal(backend.health.consecutivePasses, 1);
  assert.notEqual(backend.health.lastCheckedAt, null);
  assert.deepEqual(changes, [{ healthy: true, passes: 1, failures: 0 }]);

  status = 500;
  await waitFor(() => backend.health.status === 'unhealthy', 3000, 'unhealthy');
  assert.deepEqual(changes[1], { healthy: false, passes: 0, failures: 3 }, 'exactly unhealthyThreshold failures');
  assert.equal(backend.health.lastStatusCode, 500);
  assert.equal(backend.health.lastError, 'unexpected_status');

  status = 404;
  await waitFor(() => backend.health.status === 'healthy', 3000, 'healthy again');
  assert.deepEqual(changes[2], { healthy: true, passes: 2, failures: 0 }, 'exactly healthyThreshold passes');
  assert.equal(changes.length, 3);
  assert.ok(logs.lines.some((l) => l.level === 40 && l.backend === backend.name && l.to === 'unhealthy'), 'unhealthy logged at warn');
  assert.ok(logs.lines.some((l) => l.level === 30 && l.backend === backend.name && l.to === 'healthy' && l.from === 'unhealthy'), 'recovery logged at info');
  prober.stop();
});

test('probes send the Host override and no credential', async (t) => {
  status = 404;
  const { backend, prober } = await setup(t, { intervalMs: 60_000 }, { hostHeader: NAME });
  await prober.start();
  prober.stop();
  const probes = server.requests.filter((r) => r.url === `/?probe=${backend.name}`);
  assert.equal(probes.length, 1);
  const seen = probes[0]!;
  assert.equal(seen.method, 'GET');
  assert.equal(seen.headers.host, NAME);
  assert.equal(seen.headers['api-key'], undefined);
  assert.equal(seen.headers.authorization, undefined);
  assert.equal(seen.headers['user-agent'], 'portcullis-health-probe');
  assert.equal(backend.auth.header(), 'probe-must-not-see-this', 'the backend does have a key; the probe just does not send it');
});

test('a hanging backend times out and is unhealthy', async (t) => {
  hang = true;
  try {
    const { backend, prober } = await setup(t, { intervalMs: 1000, timeoutMs: 150 });
    const started = Date.now();
    await prober.start();
    prober.stop();
    assert.equal(backend.health.status, 'unhealthy');
    assert.equal(backend.health.lastError, 'timeout');
    assert.equal(backend.health.lastStatusCode, null);
    assert.ok(Date.now() - started < 2000, 'the probe timeout bounds start()');
  } finally {
    hang = false;
  }
});

test('probe failures are named: tls, not_private, connect', async (t) => {
  // Trusting no private CA: the certificate does not verify.
  const tls = await setup(t, { intervalMs: 1000 }, { ca: undefined });
  await tls.prober.start();
  tls.prober.stop();
  assert.equal(tls.backend.health.lastError, 'tls');

  const pub = await setup(t, { intervalMs: 1000 }, { resolve: ['8.8.8.8'], requirePrivateAddress: true });
  assert.notEqual(await new Promise((r) => pub.backend.egress.lookup(NAME, { all: true }, (err) => r(err))), null, 'guard: refused in lookup');
  await pub.prober.start();
  pub.prober.stop();
  assert.equal(pub.backend.health.lastError, 'not_private');
  assert.equal(pub.backend.health.status, 'unhealthy');

  const closed = await startServer();
  const port = closed.port;
  await closed.close();
  const refused = await setup(t, { intervalMs: 1000 }, { url: `https://${NAME}:${port}` });
  await refused.prober.start();
  refused.prober.stop();
  assert.equal(refused.backend.health.lastError, 'connect');
});

test('a disabled probe means always healthy, without a request', async (t) => {
  const { backend, prober, seen } = await setup(t, { enabled: false });
  await prober.start();
  assert.equal(backend.health.status, 'healthy');
  await sleep(50);
  assert.equal(seen(), 0);
  prober.stop();
});

test('stop() ends probing', async (t) => {
  status = 404;
  const { prober, seen } = await setup(t, { intervalMs: 20 });
  await prober.start();
  await waitFor(() => seen() >= 3, 3000, 'a few probes');
  prober.stop();
  const count = seen();
  await sleep(150);
  // At most the probe already on the wire when stop() was called, which it abandons.
  assert.ok(seen() <= count + 1, `${seen()} probes after ${count}`);
});

function fake(name: string, status: HealthState['status']): Backend {
  const health = new HealthState();
  health.status = status;
  return { name, health } as unknown as Backend;
}

test('pool: round-robin over healthy backends, skipping unhealthy and unknown ones', () => {
  const a = fake('a', 'healthy');
  const b = fake('b', 'unhealthy');
  const c = fake('c', 'healthy');
  const d = fake('d', 'unknown');
  const pool = new BackendPool([a, b, c, d]);
  assert.deepEqual([1, 2, 3, 4, 5].map(() => pool.pick()?.name), ['a', 'c', 'a', 'c', 'a']);
  assert.equal(pool.healthyCount(), 2);
  a.health.status = 'unhealthy';
  assert.deepEqual([1, 2, 3].map(() => pool.pick()?.name), ['c', 'c', 'c']);
  b.health.status = 'healthy';
  assert.deepEqual([1, 2, 3, 4].map(() => pool.pick()?.name), ['b', 'c', 'b', 'c']);
});

test('pool: none healthy → null; empty pool → null', () => {
  const pool = new BackendPool([fake('a', 'unhealthy'), fake('b', 'unknown')]);
  assert.equal(pool.pick(), null);
  assert.equal(new BackendPool([]).pick(), null);
});

test('pool with real probers: traffic leaves a backend that turns unhealthy', async (t) => {
  status = 404;
  const one = await setup(t, { intervalMs: 30, unhealthyThreshold: 1, healthyThreshold: 1 });
  const two = await setup(t, { intervalMs: 30, unhealthyThreshold: 1, healthyThreshold: 1, path: '/other' }); // answers 200 whatever `status` says
  await Promise.all([one.prober.start(), two.prober.start()]);
  const pool = new BackendPool([one.backend, two.backend]);
  assert.deepEqual(new Set([pool.pick(), pool.pick()]), new Set([one.backend, two.backend]));
  status = 503; // only `/` turns 503; `/other` keeps answering 200
  await waitFor(() => one.backend.health.status === 'unhealthy', 3000, 'one unhealthy');
  assert.deepEqual([pool.pick(), pool.pick(), pool.pick()], [two.backend, two.backend, two.backend]);
  one.prober.stop();
  two.prober.stop();
  status = 404;
});
