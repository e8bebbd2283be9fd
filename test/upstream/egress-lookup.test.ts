import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LookupAddress } from 'node:dns';
import { EgressPolicy, createEgressLookup, type DnsLookup } from '../../src/upstream/egress-lookup.js';
import { LogCapture } from './helpers.js';

const logs = new LogCapture();

type Answer = { err: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family: number | undefined };

function call(lookup: EgressPolicy['lookup'], hostname: string, options: Parameters<EgressPolicy['lookup']>[1]): Promise<Answer> {
  return new Promise((resolve) => lookup(hostname, options, (err, address, family) => resolve({ err, address, family })));
}

function spyDns(answers: Record<string, LookupAddress[]>): DnsLookup & { calls: string[] } {
  const calls: string[] = [];
  const fn = ((hostname, _opts, cb) => {
    calls.push(hostname);
    const a = answers[hostname];
    process.nextTick(() => (a === undefined ? cb(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), []) : cb(null, a)));
  }) as DnsLookup & { calls: string[] };
  fn.calls = calls;
  return fn;
}

test('resolve: answers both callback shapes without asking DNS', async () => {
  const dns = spyDns({});
  const e = new EgressPolicy({ backend: 'b', resolve: ['10.0.5.4', 'fd00::4'], requirePrivateAddress: true, log: logs.logger, dnsLookup: dns });
  assert.deepEqual(await call(e.lookup, 'contoso.openai.azure.com', { all: true }), { err: null, address: [{ address: '10.0.5.4', family: 4 }, { address: 'fd00::4', family: 6 }], family: undefined });
  assert.deepEqual(await call(e.lookup, 'contoso.openai.azure.com', {}), { err: null, address: '10.0.5.4', family: 4 });
  assert.deepEqual(await call(e.lookup, 'contoso.openai.azure.com', { family: 6 }), { err: null, address: 'fd00::4', family: 6 });
  const none = await call(createEgressLookup({ backend: 'b', resolve: ['10.0.5.4'], requirePrivateAddress: false, log: logs.logger }), 'h', { family: 6, all: true });
  assert.equal(none.err?.code, 'ENOTFOUND');
  assert.deepEqual(dns.calls, []);
});

test('DNS: answers pass through; errors pass through; public answers refused only when required', async () => {
  const dns = spyDns({ 'pub.example': [{ address: '20.1.2.3', family: 4 }], 'priv.example': [{ address: '10.1.2.3', family: 4 }] });
  const strict = new EgressPolicy({ backend: 'b', resolve: null, requirePrivateAddress: true, log: logs.logger, dnsLookup: dns });
  const lax = new EgressPolicy({ backend: 'b', resolve: null, requirePrivateAddress: false, log: logs.logger, dnsLookup: dns });
  assert.deepEqual(await call(strict.lookup, 'priv.example', {}), { err: null, address: '10.1.2.3', family: 4 });
  assert.equal((await call(strict.lookup, 'pub.example', { all: true })).err?.code, 'PCS_ERR_NOT_PRIVATE');
  assert.equal((await call(strict.lookup, 'pub.example', {})).err?.code, 'PCS_ERR_NOT_PRIVATE');
  assert.deepEqual(await call(lax.lookup, 'pub.example', { all: true }), { err: null, address: [{ address: '20.1.2.3', family: 4 }], family: undefined });
  assert.equal((await call(strict.lookup, 'missing.example', {})).err?.code, 'ENOTFOUND');
});

test('refusals are logged with backend, host and address, and throttled', async () => {
  const capture = new LogCapture();
  const e = new EgressPolicy({ backend: 'aoai-east', resolve: ['8.8.8.8'], requirePrivateAddress: true, log: capture.logger });
  for (let i = 0; i < 5; i++) await call(e.lookup, 'contoso.openai.azure.com', { all: true });
  assert.equal(capture.lines.length, 1);
  const line = capture.lines[0]!;
  assert.equal(line.backend, 'aoai-east');
  assert.equal(line.hostname, 'contoso.openai.azure.com');
  assert.equal(line.address, '8.8.8.8');
  assert.match(String(line.msg), /not on the private network/);
  assert.equal(e.checkAddress('h', '10.0.0.1'), null);
  assert.equal(e.checkAddress('h', '169.254.169.254')?.code, 'PCS_ERR_NOT_PRIVATE');
});
