import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { contentSafetyConfigSchema, DEFAULT_API_VERSION } from '../../../src/waf/content-safety/config.js';
import { blocks, type ShieldVerdict } from '../../../src/waf/content-safety/verdict.js';

function issues(input: unknown): string[] {
  const r = contentSafetyConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('content safety config', () => {
  it('fills the documented defaults', () => {
    const cfg = contentSafetyConfigSchema.parse({ endpoint: 'https://cs.cognitiveservices.azure.com/', auth: { apiKey: { env: 'CS_KEY' } } });
    assert.deepEqual(cfg, {
      endpoint: 'https://cs.cognitiveservices.azure.com/',
      auth: { apiKey: { env: 'CS_KEY' } },
      timeoutMs: 1000,
      failMode: 'closed',
      apiVersion: DEFAULT_API_VERSION,
      maxCallsPerCheck: 4,
      connections: 32,
    });
    assert.equal(DEFAULT_API_VERSION, '2024-09-01');
  });

  it('takes the backends\' Entra settings, with their defaults and their checks', () => {
    const cfg = contentSafetyConfigSchema.parse({ endpoint: 'https://cs.example', auth: { entra: {} } });
    assert.deepEqual(cfg.auth, { entra: { type: 'entra', credential: 'managedIdentity', scope: 'https://cognitiveservices.azure.com/.default' } });
    assert.deepEqual(issues({ endpoint: 'https://cs.example', auth: { entra: { credential: 'clientSecret', clientId: 'c' } } }), [
      'auth.entra.tenantId: required with credential clientSecret',
      'auth.entra.clientSecret: required with credential clientSecret',
    ]);
    assert.deepEqual(issues({ endpoint: 'https://cs.example', auth: { entra: { type: 'entra' } } }), ['auth.entra: Unrecognized key: "type"']);
  });

  it('refuses an inline key and a second credential', () => {
    assert.notDeepEqual(issues({ endpoint: 'https://cs.example', auth: { apiKey: 'inline-secret' } }), []);
    assert.notDeepEqual(issues({ endpoint: 'https://cs.example', auth: { apiKey: { env: 'K' }, entra: {} } }), []);
  });

  it('allows http only to loopback, and no query, fragment or credentials', () => {
    for (const ok of ['http://127.0.0.1:8080', 'http://localhost:1', 'http://[::1]:1', 'https://cs.example/proxy/prefix']) {
      assert.deepEqual(issues({ endpoint: ok, auth: { apiKey: { env: 'K' } } }), [], ok);
    }
    assert.match(issues({ endpoint: 'http://cs.example', auth: { apiKey: { env: 'K' } } })[0] ?? '', /^endpoint: http:\/\/ sends prompts/);
    assert.match(issues({ endpoint: 'http://10.0.0.1', auth: { apiKey: { env: 'K' } } })[0] ?? '', /^endpoint: /);
    assert.match(issues({ endpoint: 'ftp://cs.example', auth: { apiKey: { env: 'K' } } })[0] ?? '', /^endpoint: scheme must be https/);
    assert.match(issues({ endpoint: 'https://cs.example/?api-version=1', auth: { apiKey: { env: 'K' } } })[0] ?? '', /^endpoint: must not have a query/);
    assert.match(issues({ endpoint: 'https://u:p@cs.example', auth: { apiKey: { env: 'K' } } })[0] ?? '', /^endpoint: must not contain credentials/);
    assert.deepEqual(issues({ endpoint: 'http://127.0.0.1', auth: { apiKey: { env: 'K' } }, ca: 'ca.pem' }), ['ca: only used with https']);
  });

  it('bounds the numbers and checks the api-version shape', () => {
    const base = { endpoint: 'https://cs.example', auth: { apiKey: { env: 'K' } } };
    assert.notDeepEqual(issues({ ...base, timeoutMs: 0 }), []);
    assert.notDeepEqual(issues({ ...base, failMode: 'maybe' }), []);
    assert.notDeepEqual(issues({ ...base, apiVersion: 'latest' }), []);
    assert.deepEqual(issues({ ...base, apiVersion: '2024-02-15-preview' }), []);
    assert.notDeepEqual(issues({ ...base, maxCallsPerCheck: 0 }), []);
  });

  it('has a JSON Schema for editors', () => {
    const schema = z.toJSONSchema(contentSafetyConfigSchema, { io: 'input', unrepresentable: 'any' }) as { required?: string[] };
    assert.deepEqual(schema.required, ['endpoint', 'auth']);
  });
});

describe('failMode', () => {
  const unavailable: ShieldVerdict = { outcome: 'unavailable', reason: 'timeout' };
  it('blocks attacks always, clean never, and unavailable only when closed', () => {
    assert.equal(blocks({ outcome: 'attack', where: 'document' }, 'open'), true);
    assert.equal(blocks({ outcome: 'clean' }, 'closed'), false);
    assert.equal(blocks(unavailable, 'closed'), true);
    assert.equal(blocks(unavailable, 'open'), false);
  });
});
