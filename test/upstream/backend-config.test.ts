import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { BackendConfigSchema } from '../../src/upstream/backend-config.js';

const MIN = { name: 'aoai', url: 'https://contoso.openai.azure.com', auth: { type: 'apiKey', key: { env: 'AOAI_KEY' } } };

function issues(input: unknown): string[] {
  const r = BackendConfigSchema.safeParse(input);
  assert.equal(r.success, false, 'expected a validation error');
  return r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

test('defaults', () => {
  const b = BackendConfigSchema.parse(MIN);
  assert.equal(b.allowPlaintext, false);
  assert.equal(b.requirePrivateAddress, false);
  assert.equal(b.hostHeader, undefined);
  assert.equal(b.resolve, undefined);
  assert.equal(b.connections, 128);
  assert.equal(b.connectTimeoutMs, 5000);
  assert.equal(b.headersTimeoutMs, 300_000);
  assert.equal(b.bodyTimeoutMs, 300_000);
  assert.equal(b.keepAliveTimeoutMs, 30_000);
  assert.deepEqual(b.probe, { enabled: true, path: '/', method: 'GET', intervalMs: 10_000, timeoutMs: 3000, healthyThreshold: 2, unhealthyThreshold: 3, expectStatus: ['200-399', '404'] });
  const e = BackendConfigSchema.parse({ ...MIN, auth: { type: 'entra' } });
  assert.deepEqual(e.auth, { type: 'entra', credential: 'managedIdentity', scope: 'https://cognitiveservices.azure.com/.default' });
});

test('url must be an https origin', () => {
  for (const url of ['https://h.example/openai', 'https://h.example/?x=1', 'https://h.example#f', 'https://u:p@h.example', 'ftp://h.example', 'not a url', 'https://h.example?']) {
    assert.ok(issues({ ...MIN, url }).some((m) => m.startsWith('url:')), url);
  }
  assert.ok(issues({ ...MIN, url: 'http://h.example' }).some((m) => m.includes('allowPlaintext')));
  assert.equal(BackendConfigSchema.parse({ ...MIN, url: 'http://127.0.0.1:8080', allowPlaintext: true }).url, 'http://127.0.0.1:8080');
  assert.equal(BackendConfigSchema.parse({ ...MIN, url: 'https://h.example:8443/' }).url, 'https://h.example:8443/');
});

test('name, hostHeader, resolve, expectStatus shapes', () => {
  assert.ok(issues({ ...MIN, name: 'has space' }).some((m) => m.startsWith('name:')));
  assert.ok(issues({ ...MIN, name: 'x'.repeat(65) }).some((m) => m.startsWith('name:')));
  assert.ok(issues({ ...MIN, hostHeader: 'bad host/x' }).some((m) => m.startsWith('hostHeader:')));
  assert.equal(BackendConfigSchema.parse({ ...MIN, hostHeader: 'contoso.openai.azure.com:443' }).hostHeader, 'contoso.openai.azure.com:443');
  assert.ok(issues({ ...MIN, resolve: ['10.0.0.5', 'not-an-ip'] }).some((m) => m.startsWith('resolve.1:')));
  assert.ok(issues({ ...MIN, resolve: [] }).some((m) => m.startsWith('resolve:')));
  assert.ok(issues({ ...MIN, url: 'https://10.0.0.5', resolve: ['10.0.0.6'] }).some((m) => m.startsWith('resolve:')));
  assert.ok(issues({ ...MIN, probe: { expectStatus: ['404', '2xx'] } }).some((m) => m.startsWith('probe.expectStatus.1:')));
  assert.ok(issues({ ...MIN, probe: { expectStatus: ['399-200'] } }).some((m) => m.startsWith('probe.expectStatus.0:')));
  assert.ok(issues({ ...MIN, probe: { expectStatus: [] } }).some((m) => m.startsWith('probe.expectStatus:')));
  assert.ok(issues({ ...MIN, url: 'http://h', allowPlaintext: true, ca: 'ca.pem' }).some((m) => m.startsWith('ca:')));
  assert.ok(issues({ ...MIN, surprise: 1 }).length > 0, 'strict objects reject unknown keys');
});

test('auth variants', () => {
  assert.ok(issues({ ...MIN, auth: { type: 'apiKey', key: 'inline-secret' } }).some((m) => m.startsWith('auth.key')), 'inline keys are refused');
  assert.ok(issues({ ...MIN, auth: { type: 'entra', credential: 'clientSecret' } }).length >= 3);
  assert.ok(issues({ ...MIN, auth: { type: 'entra', clientSecret: { env: 'S' } } }).some((m) => m.startsWith('auth.clientSecret:')));
  assert.ok(issues({ ...MIN, auth: { type: 'entra', authorityHost: 'https://login.microsoftonline.us' } }).some((m) => m.startsWith('auth.authorityHost:')));
  assert.ok(issues({ ...MIN, auth: { type: 'kerberos' } }).length > 0);
  assert.equal(BackendConfigSchema.parse({ ...MIN, auth: { type: 'none' } }).auth.type, 'none');
  const cs = BackendConfigSchema.parse({ ...MIN, auth: { type: 'entra', credential: 'clientSecret', tenantId: 't', clientId: 'c', clientSecret: { file: 's.txt' }, authorityHost: 'https://login.microsoftonline.us' } });
  assert.equal(cs.auth.type, 'entra');
});

test('JSON schema can be generated and every field is described', () => {
  const schema = z.toJSONSchema(BackendConfigSchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, { description?: string }> };
  for (const [k, v] of Object.entries(schema.properties)) {
    if (k === 'auth' || k === 'probe') continue;
    assert.match(v.description ?? '', /Default|Required/, `${k} states its default`);
  }
});
