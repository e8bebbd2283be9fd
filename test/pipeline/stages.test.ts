import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fakeContext } from '../helpers/fake-context.js';
import { createRouteStage } from '../../src/pipeline/stages/route.js';
import { createRequestShapeStage } from '../../src/pipeline/stages/request-shape.js';
import { createIdentityStage } from '../../src/pipeline/stages/identity.js';
import { createAccessStage } from '../../src/pipeline/stages/access.js';
import { KeyStore } from '../../src/identity/key-store.js';
import { hashKey } from '../../src/identity/key-hash.js';
import { STAGE_ORDER } from '../../src/pipeline/order.js';
import { runStages, shadowed } from '../../src/pipeline/run-stages.js';
import { CONTINUE, type Stage } from '../../src/pipeline/stage.js';
import { REASONS } from '../../src/errors/reasons.js';
import { errorBody } from '../../src/http/error-response.js';

test('the pipeline order is pinned', () => {
  assert.deepEqual(STAGE_ORDER, ['request_shape', 'route', 'identity', 'deployment', 'access', 'waf', 'backend']);
});

test('every reason has a 4xx/5xx status and an Azure-shaped body naming the code', () => {
  for (const [code, { status }] of Object.entries(REASONS)) {
    assert.match(code, /^[a-z][a-z0-9_]*$/);
    assert.ok(status >= 400 && status < 600, code);
    assert.deepEqual(Object.keys(JSON.parse(errorBody(code as keyof typeof REASONS).toString()).error), ['code', 'message']);
  }
});

test('route: deployment and v1 paths, api-version and the query are normalised', () => {
  const route = createRouteStage();
  const ok = fakeContext({ url: '/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21&x=a%20b' });
  assert.equal(route.run(ok), CONTINUE);
  assert.equal(ok.deploymentName, 'gpt-4o');
  assert.equal(ok.routeRest, '/chat/completions');
  assert.equal(ok.query, '?api-version=2024-10-21&x=a+b');

  const v1 = fakeContext({ url: '/openai/v1/responses' });
  assert.equal(route.run(v1), CONTINUE);
  assert.equal(v1.routeKind, 'v1');

  const table: [string, string][] = [
    ['/openai/deployments/gpt-4o/chat/completions', 'missing_api_version'],
    ['/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21-beta', 'invalid_api_version'],
    ['/openai/deployments/a/../b/chat?api-version=2024-10-21', 'route_not_found'],
    ['/openai/deployments/a/..?api-version=2024-10-21', 'route_not_found'],
    ['/openai/deployments/a/%2e%2e?api-version=2024-10-21', 'route_not_found'],
    ['/openai/deployments/a/chat%2Fcompletions?api-version=2024-10-21', 'route_not_found'],
    ['/openai/deployments/-bad/chat?api-version=2024-10-21', 'route_not_found'],
    ['/openai/v1', 'route_not_found'],
    ['/openai/v1/', 'route_not_found'],
    ['/openai/v1/files/../../secrets', 'route_not_found'],
    ['//openai/v1/files', 'route_not_found'],
    ['/openai/v1/files?api-version=2024-13-99x', 'invalid_api_version'],
  ];
  for (const [url, reason] of table) assert.equal(route.run(fakeContext({ url })), reason, url);
  assert.equal(route.run(fakeContext({ url: '/openai/v1/files', method: 'PATCH' })), 'method_not_allowed');
});

test('request_shape: long URIs, declared sizes, encodings and repeated singleton headers', () => {
  const shape = createRequestShapeStage({ maxUrlBytes: 100, maxBodyBytes: 1000 });
  assert.equal(shape.run(fakeContext({ url: `/${'a'.repeat(200)}` })), 'uri_too_long');
  assert.equal(shape.run(fakeContext({ url: '/x', headers: [['Content-Length', '1001']] })), 'body_too_large');
  assert.equal(shape.run(fakeContext({ url: '/x', headers: [['Content-Encoding', 'gzip']] })), 'unsupported_content_encoding');
  assert.equal(shape.run(fakeContext({ url: '/x', headers: [['API-Key', 'a'], ['api-key', 'b']] })), 'credential_ambiguous');
  assert.equal(shape.run(fakeContext({ url: '/x', headers: [['Authorization', 'a'], ['authorization', 'b']] })), 'credential_ambiguous');
  assert.equal(shape.run(fakeContext({ url: '/x', headers: [['Host', 'a'], ['host', 'b']] })), 'ambiguous_header');
  assert.equal(shape.run(fakeContext({ url: '/x', headers: [['Accept', 'a'], ['accept', 'b'], ['Content-Length', '10']] })), CONTINUE);
});

test('identity: api-key and bearer, invalid, expired; access: per-deployment', () => {
  const good = 'pcs_good';
  const old = 'pcs_old';
  const keys = new KeyStore([
    { config: { id: 'k1', hash: hashKey(good), deployments: ['a'], enabled: true }, path: 'keys[0]' },
    { config: { id: 'k2', hash: hashKey(old), deployments: ['*'], enabled: true, expiresAt: '2030-01-01T00:00:00Z' }, path: 'keys[1]' },
  ]);
  let now = Date.parse('2029-12-31T23:59:59Z');
  const identity = createIdentityStage({ keys, certClients: new Map(), now: () => now });
  const access = createAccessStage();

  const a = fakeContext({ url: '/', headers: [['api-key', good]] });
  assert.equal(identity.run(a), CONTINUE);
  assert.equal(a.identity?.id, 'k1');
  a.deployment = { name: 'a', upstreamName: 'a', pool: null as never };
  assert.equal(access.run(a), CONTINUE);
  a.deployment = { name: 'b', upstreamName: 'b', pool: null as never };
  assert.equal(access.run(a), 'deployment_forbidden');

  const b = fakeContext({ url: '/', headers: [['authorization', `Bearer ${old}`]] });
  assert.equal(identity.run(b), CONTINUE);
  now = Date.parse('2030-01-01T00:00:00Z');
  assert.equal(identity.run(fakeContext({ url: '/', headers: [['authorization', `Bearer ${old}`]] })), 'credential_expired');
  assert.equal(identity.run(fakeContext({ url: '/', headers: [['api-key', 'pcs_other']] })), 'credential_invalid');
  assert.equal(identity.run(fakeContext({ url: '/', headers: [['api-key', 'x'.repeat(10_000)]] })), 'credential_invalid');
  assert.equal(identity.run(fakeContext({ url: '/' })), 'credential_missing');
});

test('runStages stops at the first deny, resumes after async stages; shadow records without enforcing', async () => {
  const seen: string[] = [];
  const mk = (name: string, v: ReturnType<Stage['run']>): Stage => ({ name, run: () => (seen.push(name), v) });
  const ctx = fakeContext({ url: '/' });
  assert.equal(runStages([mk('a', CONTINUE), mk('b', 'route_not_found'), mk('c', CONTINUE)], ctx), 'route_not_found');
  assert.deepEqual(seen, ['a', 'b']);
  seen.length = 0;
  const r = runStages([mk('a', Promise.resolve(CONTINUE)), mk('b', CONTINUE), mk('c', Promise.resolve('deployment_forbidden'))], ctx);
  assert.ok(r instanceof Promise);
  assert.equal(await r, 'deployment_forbidden');
  assert.deepEqual(seen, ['a', 'b', 'c']);
  const shadow = shadowed(mk('s', 'deployment_forbidden'));
  assert.equal(runStages([shadow], ctx), CONTINUE);
  assert.deepEqual(ctx.shadowReasons, ['deployment_forbidden']);
});
