import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { HttpLimitsSchema, ListenerConfigSchema, NetworkPolicySchema, TlsConfigSchema } from '../../src/network/listener-config.js';

function issues(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('listener config schema', () => {
  it('plain HTTP only with an explicit `plaintext: true`', () => {
    assert.deepEqual(issues(ListenerConfigSchema, { port: 8080 }), [
      'tls: required: a listener serves HTTPS; plain HTTP is allowed only when the config says so explicitly with `plaintext: true`',
    ]);
    assert.deepEqual(issues(ListenerConfigSchema, { port: 8080, plaintext: true }), []);
    assert.deepEqual(issues(ListenerConfigSchema, { port: 8443, plaintext: true, tls: { cert: 'c.pem', key: 'k.pem' } }), [
      'plaintext: `plaintext: true` contradicts `tls`; remove one of them',
    ]);
  });

  it('fills the documented defaults', () => {
    const l = ListenerConfigSchema.parse({ port: 8443, tls: { cert: 'c.pem', key: 'k.pem' } });
    assert.equal(l.name, 'public');
    assert.equal(l.host, '0.0.0.0');
    assert.equal(l.plaintext, false);
    assert.equal(l.tls?.minVersion, 'TLSv1.2');
    assert.equal(l.tls?.watch, true);
    assert.equal(l.tls?.requireClientCert, undefined); // resolved to true with clientCa at load
    assert.deepEqual(HttpLimitsSchema.parse({}), {
      maxHeaderBytes: 16384,
      maxUrlBytes: 8192,
      maxBodyBytes: 33554432,
      bufferBodyBytes: 1048576,
      headersTimeoutMs: 10000,
      requestTimeoutMs: 300000,
      keepAliveTimeoutMs: 5000,
      maxRequestsPerSocket: 1000,
      tlsHandshakeTimeoutMs: 10000,
    });
    assert.deepEqual(NetworkPolicySchema.parse({ allow: ['10.0.0.0/8'] }), {
      allow: ['10.0.0.0/8'],
      deny: [],
      trustedProxies: [],
      maxConnections: 10000,
      maxConnectionsPerIp: 1000,
    });
  });

  it('exactly one of cert+key and pfx', () => {
    assert.deepEqual(issues(TlsConfigSchema, { cert: 'c.pem', key: 'k.pem' }), []);
    assert.deepEqual(issues(TlsConfigSchema, { pfx: 's.pfx', passphrase: { env: 'PFX_PASS' } }), []);
    assert.deepEqual(issues(TlsConfigSchema, {}), [
      'cert: required: give `cert` and `key` (PEM files) or `pfx` (PKCS#12 file)',
      'key: required with `cert`: the PEM file holding its private key',
    ]);
    assert.deepEqual(issues(TlsConfigSchema, { cert: 'c.pem', key: 'k.pem', pfx: 's.pfx' }), [
      'cert: give either `cert` and `key` (PEM files) or `pfx` (PKCS#12 file), not both',
      'key: give either `cert` and `key` (PEM files) or `pfx` (PKCS#12 file), not both',
    ]);
  });

  it('a passphrase is a reference, never an inline value', () => {
    assert.ok(issues(TlsConfigSchema, { pfx: 's.pfx', passphrase: 'hunter2' }).length > 0);
    assert.deepEqual(issues(TlsConfigSchema, { pfx: 's.pfx', passphrase: { file: 'pass.txt' } }), []);
  });

  it('TLS below 1.2 cannot be configured; requireClientCert needs clientCa', () => {
    assert.ok(issues(TlsConfigSchema, { cert: 'c', key: 'k', minVersion: 'TLSv1.1' }).some((m) => m.startsWith('minVersion:')));
    assert.deepEqual(issues(TlsConfigSchema, { cert: 'c', key: 'k', requireClientCert: true }), [
      'requireClientCert: has no effect without `clientCa` (the CAs client certificates are checked against)',
    ]);
  });

  it('the allow list is required and non-empty, and every entry is checked at load', () => {
    assert.ok(issues(NetworkPolicySchema, {}).some((m) => m.startsWith('allow:')));
    assert.ok(issues(NetworkPolicySchema, { allow: [] }).some((m) => m.startsWith('allow: at least one entry')));
    assert.deepEqual(issues(NetworkPolicySchema, { allow: ['10.0.0.0/8'], deny: ['10.0.0.1', 'bogus'], trustedProxies: ['1.2.3.4/40'] }), [
      'deny.1: not an IP address or CIDR range: "bogus"',
      'trustedProxies.0: invalid prefix length in "1.2.3.4/40": expected 0 to 32',
    ]);
  });

  it('headersTimeoutMs cannot exceed requestTimeoutMs', () => {
    assert.deepEqual(issues(HttpLimitsSchema, { headersTimeoutMs: 20000, requestTimeoutMs: 10000 }), ['headersTimeoutMs: must not exceed requestTimeoutMs (10000)']);
  });

  it('every field documents its default', () => {
    for (const schema of [TlsConfigSchema, ListenerConfigSchema, NetworkPolicySchema, HttpLimitsSchema]) {
      for (const [key, field] of Object.entries(schema.shape)) {
        assert.match(field.description ?? '', /(Default|Required)/, key);
      }
    }
  });
});
