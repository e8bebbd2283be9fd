import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { startHarness, call, API_VERSION, type Harness } from '../helpers/harness.js';
import { createCa, issueClientCert } from '../../src/network/dev-ca.js';

const CHAT = `/openai/deployments/gpt-4o/chat/completions?api-version=${API_VERSION}`;
const harnesses: Harness[] = [];
after(async () => {
  await Promise.all(harnesses.map((h) => h.close()));
});
async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  harnesses.push(h);
  return h;
}
function code(r: { json: () => unknown }): string {
  return (r.json() as { error: { code: string } }).error.code;
}

test('source CIDR: only 127.0.0.2 may connect; others are cut before TLS', async () => {
  const h = await harness({ networkYaml: 'network:\n  allow: [127.0.0.2/32]\n' });
  const from2 = new Agent({ localAddress: '127.0.0.2', connect: { ca: h.pki.ca.certPem } });
  const from3 = new Agent({ localAddress: '127.0.0.3', connect: { ca: h.pki.ca.certPem } });
  try {
    const ok = await request(`${h.url}${CHAT}`, { method: 'POST', headers: { 'api-key': h.key, 'content-type': 'application/json' }, body: '{"messages":[{"role":"user","content":"hi"}]}', dispatcher: from2 });
    assert.equal(ok.statusCode, 200);
    await ok.body.dump();
    await assert.rejects(request(`${h.url}${CHAT}`, { method: 'POST', headers: { 'api-key': h.key }, body: '{}', dispatcher: from3 }), (err: Error & { code?: string }) => /ECONNRESET|UND_ERR_SOCKET|socket/i.test(`${err.code} ${err.message}`));
    const metrics = await (await fetch(`http://127.0.0.1:${h.gateway.control!.address.port}/metrics`)).text();
    assert.match(metrics, /portcullis_connections_denied_total\{listener="public",reason="source_not_allowed"\} [1-9]/);
  } finally {
    await from2.close();
    await from3.close();
  }
});

test('mutual TLS: a verified client certificate is an identity for access rules', async () => {
  const clientCa = await createCa({ commonName: 'Clients CA' });
  const billing = await issueClientCert(clientCa, { commonName: 'billing-svc' });
  const stranger = await issueClientCert(clientCa, { commonName: 'stranger' });
  const otherCa = await createCa({ commonName: 'Other CA' });
  const forged = await issueClientCert(otherCa, { commonName: 'billing-svc' });
  const h2 = await harness({
    tlsYaml: '      clientCa: clients-ca.pem\n      requireClientCert: false\n',
    extraYaml: 'clients:\n  - id: billing\n    subject: billing-svc\n    deployments: [embed]\n',
    preStart: (dir) => writeFileSync(join(dir, 'clients-ca.pem'), clientCa.certPem),
  });
  const as = (pair: { certPem: string; keyPem: string } | null): Agent =>
    new Agent({ connect: { ca: h2.pki.ca.certPem, ...(pair === null ? {} : { cert: pair.certPem, key: pair.keyPem }) } });
  const embed = `/openai/deployments/embed/embeddings?api-version=${API_VERSION}`;
  const send = async (agent: Agent, path: string): Promise<{ status: number; code: string | null }> => {
    try {
      const r = await request(`${h2.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"input":"x"}', dispatcher: agent });
      const text = await r.body.text();
      return { status: r.statusCode, code: r.statusCode === 200 ? null : (JSON.parse(text) as { error: { code: string } }).error.code };
    } finally {
      await agent.close();
    }
  };
  assert.deepEqual(await send(as(billing), embed), { status: 200, code: null });
  assert.deepEqual(await send(as(billing), CHAT), { status: 403, code: 'deployment_forbidden' });
  assert.deepEqual(await send(as(stranger), embed), { status: 401, code: 'credential_invalid' });
  assert.deepEqual(await send(as(null), embed), { status: 401, code: 'credential_missing' });
  // A certificate from another CA does not verify, so it identifies nobody.
  assert.deepEqual(await send(as(forged), embed), { status: 401, code: 'credential_missing' });
});

test('a backend that fails its probe gets no traffic: 503, and /readyz says not ready', async () => {
  const h = await harness({ probeYaml: '    probe:\n      intervalMs: 100\n      expectStatus: ["200"]\n' });
  const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(r.status, 503);
  assert.equal(code(r), 'no_healthy_backend');
  const ready = await fetch(`http://127.0.0.1:${h.gateway.control!.address.port}/readyz`);
  assert.equal(ready.status, 503);
  const body = (await ready.json()) as { backends: { health: { status: string; lastStatusCode: number } }[] };
  assert.equal(body.backends[0]!.health.status, 'unhealthy');
  assert.equal(body.backends[0]!.health.lastStatusCode, 404);
});

test('resolve maps the backend hostname to a private IP and TLS still verifies the name', async () => {
  const h = await harness({ backendUrl: (port) => `https://aoai.test:${port}`, backendYaml: '    resolve: [127.0.0.1]\n    requirePrivateAddress: true\n' });
  const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(r.status, 200, r.text);
  assert.equal(h.emulator.stats().lastHeaders!.host, `aoai.test:${h.emulator.port}`);
});

test('requirePrivateAddress refuses a backend that resolves to a public address: 502, nothing sent', async () => {
  // 203.0.113.10 (TEST-NET-3) is public: the lookup refuses it before any connection is tried.
  const h = await harness({ backendUrl: (port) => `https://aoai.test:${port}`, backendYaml: '    resolve: [203.0.113.10]\n    requirePrivateAddress: true\n', probeYaml: '    probe:\n      enabled: false\n' });
  const before = h.emulator.stats().requests;
  const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(r.status, 502);
  assert.equal(code(r), 'upstream_not_private');
  assert.equal(h.emulator.stats().requests, before);
  assert.ok(h.logs.lines.some((l) => /private/i.test(String(l.msg)) && l.level === 50), 'a clear error in the log');
});

test('a backend that does not answer in time is a 504; the gateway keeps serving', async () => {
  const h = await harness({ backendYaml: '    headersTimeoutMs: 300\n' });
  h.emulator.setFaults({ mode: 'hang' });
  const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(r.status, 504);
  assert.equal(code(r), 'upstream_timeout');
  h.emulator.setFaults(null);
  assert.equal((await call(h, CHAT, { headers: { 'api-key': h.key } })).status, 200);
});

test('a backend with a certificate the gateway does not trust is a 502 upstream_tls_error', async () => {
  const other = await createCa({ commonName: 'Untrusted' });
  const h = await harness({ emulator: {} });
  writeFileSync(join(h.dir, 'ca.pem'), other.certPem);
  assert.equal(await h.reconfigure((y) => y.replace('    probe:\n', '    connectTimeoutMs: 2000\n    probe:\n      enabled: false\n')), true);
  const r = await call(h, CHAT, { headers: { 'api-key': h.key } });
  assert.equal(r.status, 502);
  assert.equal(code(r), 'upstream_tls_error');
});

test('reload: a new key works at once; an invalid config is refused and the old one serves', async () => {
  const h = await harness();
  const { generateKey, hashKey } = await import('../../src/identity/key-hash.js');
  const fresh = generateKey();
  assert.equal((await call(h, CHAT, { headers: { 'api-key': fresh } })).status, 401);
  assert.equal(await h.reconfigure((y) => y.replace('keys:\n', `keys:\n  - id: fresh\n    hash: ${hashKey(fresh)}\n    deployments: [gpt-4o]\n`)), true);
  assert.equal((await call(h, CHAT, { headers: { 'api-key': fresh } })).status, 200);
  assert.equal(await h.reconfigure((y) => y.replace('deployments:\n  - name: gpt-4o', 'deployments:\n  - name: "bad name!"')), false);
  assert.equal((await call(h, CHAT, { headers: { 'api-key': fresh } })).status, 200);
  assert.ok(h.logs.lines.some((l) => /reload refused/.test(String(l.msg))));
});
