import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowHostProblem, createSsrfChecker, SSRF_REASON_MESSAGES, type SsrfReason } from '../../../src/waf/llm/ssrf.js';

const check = createSsrfChecker({ allowHosts: [] }).check;

function expect(table: readonly (readonly [string, SsrfReason | null])[], c = check): void {
  for (const [url, want] of table) assert.equal(c(url), want, url);
}

test('public http(s) URLs pass', () => {
  expect([
    ['https://example.com/cat.png', null],
    ['HTTPS://EXAMPLE.COM./a', null],
    ['http://1.1.1.1/x', null],
    ['https://[2606:4700:4700::1111]/', null],
    ['https://contoso.blob.core.windows.net/c/a.png?sv=2022-11-02&sig=x', null],
    ['https://ec2-54-1-2-3.compute-1.amazonaws.com/', null],
  ]);
});

test('non-http schemes are refused', () => {
  for (const u of ['file:///etc/passwd', 'gopher://127.0.0.1:6379/_INFO', 'ftp://example.com/a', 'dict://example.com:11211/stats', 'ldap://example.com/', 'jar:http://x/a.jar!/', 'ws://example.com/', 'javascript:alert(1)', 'blob:https://example.com/uuid']) {
    assert.equal(check(u), 'scheme', u);
  }
  assert.equal(check('not a url'), 'invalid_url');
  assert.equal(check('/relative/path.png'), 'invalid_url');
  assert.equal(check('http://'), 'invalid_url');
});

test('loopback in every spelling the WHATWG parser accepts', () => {
  for (const u of [
    'http://127.0.0.1/', 'http://127.255.1.2:8080/', 'http://2130706433/', 'http://0177.0.0.1/', 'http://0x7f.1/', 'http://0x7f000001/',
    'http://017700000001/', 'http://127.1/', 'http://127.0.0.1./', 'http://１２７.０.０.１/', 'http://[::1]/', 'http://[0:0:0:0:0:0:0:1]/',
    'http://[::ffff:127.0.0.1]/', 'http://[::ffff:7f00:1]/', 'http://[::127.0.0.1]/', 'http://good.example@127.0.0.1/', 'http://user:pw@127.0.0.1/',
    'http://127.0.0.1:80\\@example.com/', 'http://localhost/', 'http://LOCALHOST./', 'http://%6c%6fcalhost/', 'http://ⓛocalhost/', 'http://api.localhost/',
    'http://127.0.0.1.nip.io/', 'http://7f000001.nip.io/', 'http://127-0-0-1.sslip.io/', 'http://lvh.me/', 'http://app.localtest.me/', 'http://[2002:7f00:1::]/',
    '  http://127.0.0.1/  ',
  ]) {
    assert.equal(check(u), 'loopback', u);
  }
});

test('private, link-local, unspecified, multicast and reserved ranges', () => {
  expect([
    ['http://10.0.0.1/', 'private'], ['http://172.16.0.1/', 'private'], ['http://172.31.255.255/', 'private'], ['http://172.32.0.1/', null],
    ['http://192.168.1.1/', 'private'], ['http://100.64.0.1/', 'private'], ['http://100.127.255.255/', 'private'], ['http://100.128.0.1/', null],
    ['http://[fc00::1]/', 'private'], ['http://[fd12:3456::1]/', 'private'], ['http://[fec0::1]/', 'private'], ['http://[64:ff9b:1::1]/', 'private'],
    ['http://[64:ff9b::a00:1]/', 'private'], ['http://[::ffff:10.1.2.3]/', 'private'], ['http://10-0-0-1.sslip.io/', 'private'],
    ['http://169.254.1.1/', 'link_local'], ['http://[fe80::1]/', 'link_local'],
    ['http://0.0.0.0/', 'unspecified'], ['http://0/', 'unspecified'], ['http://[::]/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'], ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'reserved'], ['http://240.0.0.1/', 'reserved'], ['http://192.0.2.1/', 'reserved'], ['http://198.18.0.1/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'], ['http://[2001::1]/', 'reserved'], ['http://[100::1]/', 'reserved'], ['http://[::2]/', 'unspecified'],
  ]);
});

test('cloud metadata endpoints', () => {
  expect([
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'metadata'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'metadata'],
    ['http://168.63.129.16/machine?comp=goalstate', 'metadata'],
    ['http://100.100.100.200/latest/meta-data/', 'metadata'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://metadata/computeMetadata/v1/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://0xa9fea9fe/', 'metadata'],
    ['http://2852039166/', 'metadata'],
  ]);
});

test('internal names', () => {
  expect([
    ['http://intranet/', 'internal_name'], ['http://db.internal/', 'internal_name'], ['http://printer.local/', 'internal_name'],
    ['http://nas.home.arpa/', 'internal_name'], ['http://x.localdomain/', 'internal_name'], ['http://svc.ns.svc.cluster.local/', 'internal_name'],
    ['http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets', 'internal_name'], ['https://kubernetes.default/', 'internal_name'],
    ['http://redis.cache.svc:6379/', 'internal_name'],
  ]);
});

test('allowHosts: names, wildcards and CIDRs skip the host checks, never the scheme check', () => {
  const c = createSsrfChecker({ allowHosts: ['images.corp.internal', '*.trusted.local', '10.9.0.0/16', 'fd00:1::/32'] }).check;
  expect([
    ['http://images.corp.internal/a.png', null],
    ['http://IMAGES.corp.internal./a.png', null],
    ['http://other.corp.internal/', 'internal_name'],
    ['http://a.trusted.local/', null],
    ['http://trusted.local/', 'internal_name'],
    ['http://10.9.1.2/', null],
    ['http://10.10.1.2/', 'private'],
    ['http://[fd00:1::5]/', null],
    ['file://images.corp.internal/etc/passwd', 'scheme'],
  ], c);
  assert.equal(allowHostProblem('*.example.com'), null);
  assert.equal(allowHostProblem('10.0.0.0/8'), null);
  assert.notEqual(allowHostProblem('http://x/'), null);
  assert.notEqual(allowHostProblem('10.1.2.3/8'), null);
  assert.throws(() => createSsrfChecker({ allowHosts: ['not a host'] }), /allowHosts/);
});

test('data: URLs are not this check\'s business; every reason has a message', () => {
  assert.equal(check('data:image/png;base64,iVBORw0KGgo='), null);
  assert.equal(check('DATA:text/plain,hi'), null);
  for (const m of Object.values(SSRF_REASON_MESSAGES)) assert.ok(m.length > 0);
});
