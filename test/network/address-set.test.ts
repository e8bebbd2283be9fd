import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from '../../src/config/config-error.js';
import { AddressSet, normalizeAddress, parseAddressEntry } from '../../src/network/address-set.js';
import { ConnectionGate } from '../../src/network/connection-gate.js';
import { NetworkPolicySchema } from '../../src/network/listener-config.js';

describe('AddressSet', () => {
  it('matches IPv4 CIDRs and single addresses', () => {
    const s = AddressSet.parse(['10.0.0.0/8', '192.168.1.7', '172.16.0.0/12'], 'network.allow');
    assert.equal(s.has('10.200.3.4'), true);
    assert.equal(s.has('11.0.0.1'), false);
    assert.equal(s.has('192.168.1.7'), true);
    assert.equal(s.has('192.168.1.8'), false);
    assert.equal(s.has('172.31.255.255'), true);
    assert.equal(s.has('172.32.0.0'), false);
  });

  it('matches IPv6 CIDRs and single addresses, in any spelling', () => {
    const s = AddressSet.parse(['2001:db8::/32', '::1', 'FD00:0:0:0::/8'], 'network.allow');
    assert.equal(s.has('2001:db8:ffff::1'), true);
    assert.equal(s.has('2001:DB8:0:0:0:0:0:1'), true);
    assert.equal(s.has('2001:db9::1'), false);
    assert.equal(s.has('::1'), true);
    assert.equal(s.has('::2'), false);
    assert.equal(s.has('fdab::1'), true);
  });

  it('treats IPv4-mapped IPv6 peers (dual-stack sockets) as the IPv4 address', () => {
    const s = AddressSet.parse(['10.0.0.0/8'], 'network.allow');
    assert.equal(s.has('::ffff:10.1.2.3'), true);
    assert.equal(s.has('::ffff:11.1.2.3'), false);
    // The same address spelled as a header might carry it.
    assert.equal(s.has('::FFFF:a01:203'), true);
    assert.equal(s.has('0:0:0:0:0:ffff:10.1.2.3'), true);
    // A mapped entry is the IPv4 range it names.
    const mapped = AddressSet.parse(['::ffff:10.0.0.0/104'], 'network.allow');
    assert.deepEqual(mapped.entries, ['10.0.0.0/8']);
    assert.equal(mapped.has('10.9.9.9'), true);
  });

  it('keeps the families apart: ::/0 is all of IPv6, not IPv4 too', () => {
    const v6 = AddressSet.parse(['::/0'], 'network.deny');
    assert.equal(v6.has('2001:db8::1'), true);
    assert.equal(v6.has('10.1.2.3'), false);
    assert.equal(v6.has('::ffff:10.1.2.3'), false);
    const all = AddressSet.parse(['0.0.0.0/0', '::/0'], 'network.allow');
    for (const a of ['1.2.3.4', '::ffff:1.2.3.4', '2001:db8::1', '::1']) assert.equal(all.has(a), true, a);
  });

  it('strips zone ids and refuses what is not an address', () => {
    const s = AddressSet.parse(['fe80::/10'], 'network.allow');
    assert.equal(s.has('fe80::1%eth0'), true);
    assert.equal(s.has(''), false);
    assert.equal(s.has('localhost'), false);
    assert.equal(s.has('10.0.0.1/8'), false);
  });

  it('names the path and the bad value of an invalid entry', () => {
    const cases: [string, RegExp][] = [
      ['10.0.0.300', /not an IP address or CIDR range: "10\.0\.0\.300"/],
      ['10.0.0.0/33', /invalid prefix length in "10\.0\.0\.0\/33": expected 0 to 32/],
      ['2001:db8::/129', /expected 0 to 128/],
      ['10.0.0.0/-1', /invalid prefix length/],
      ['example.com', /not an IP address/],
      [' 10.0.0.1', /not an IP address/],
      ['10.1.2.3/8', /has host bits set: write 10\.0\.0\.0\/8 for the range, or 10\.1\.2\.3 for the single address/],
      ['2001:db8::1/32', /write 2001:db8::\/32/],
    ];
    for (const [entry, message] of cases) {
      assert.throws(
        () => AddressSet.parse(['127.0.0.1', entry], 'network.allow'),
        (err: unknown) => {
          assert.ok(err instanceof ConfigError, String(err));
          assert.equal(err.path, 'network.allow[1]');
          assert.match(err.message, /^network\.allow\[1\]: /);
          assert.match(err.message, message);
          return true;
        },
        entry,
      );
    }
  });

  it('normalizeAddress gives logs one spelling per client', () => {
    assert.equal(normalizeAddress('::ffff:10.1.2.3'), '10.1.2.3');
    // IPv4-translated (RFC 2765), not mapped: stays IPv6.
    assert.equal(normalizeAddress('::ffff:0:10.1.2.3'), '::ffff:0:a01:203');
    assert.equal(normalizeAddress('10.1.2.3'), '10.1.2.3');
    assert.equal(normalizeAddress('fe80::1%eth0'), 'fe80::1');
    assert.equal(normalizeAddress('2001:db8::1'), '2001:db8::1');
    assert.equal(normalizeAddress('not-an-ip'), 'not-an-ip');
    assert.deepEqual(parseAddressEntry('2001:DB8:0::/48'), { family: 'ipv6', address: '2001:db8::', prefix: 48 });
  });
});

describe('ConnectionGate', () => {
  const gate = (policy: Record<string, unknown>): ConnectionGate => new ConnectionGate(NetworkPolicySchema.parse(policy));

  it('admits allowed sources, refuses others, and deny wins over allow', () => {
    const g = gate({ allow: ['10.0.0.0/8'], deny: ['10.6.6.0/24'] });
    assert.equal(g.admit('10.1.1.1').ok, true);
    assert.deepEqual(g.admit('192.168.0.1'), { ok: false, reason: 'source_not_allowed' });
    assert.deepEqual(g.admit('10.6.6.6'), { ok: false, reason: 'source_denied' });
    assert.deepEqual(g.admit('::ffff:10.6.6.6'), { ok: false, reason: 'source_denied' });
    // Fail closed: a socket that no longer knows its peer.
    assert.deepEqual(g.admit(undefined), { ok: false, reason: 'source_not_allowed' });
  });

  it('counts connections in total and per source, releasing each exactly once', () => {
    const g = gate({ allow: ['0.0.0.0/0'], maxConnections: 3, maxConnectionsPerIp: 2 });
    const a1 = g.admit('10.0.0.1');
    const a2 = g.admit('::ffff:10.0.0.1');
    assert.ok(a1.ok && a2.ok);
    assert.equal(g.openFrom('10.0.0.1'), 2);
    assert.deepEqual(g.admit('10.0.0.1'), { ok: false, reason: 'connection_limit' });
    const b1 = g.admit('10.0.0.2');
    assert.ok(b1.ok);
    assert.deepEqual(g.admit('10.0.0.3'), { ok: false, reason: 'connection_limit' });
    assert.equal(g.open, 3);
    a1.release();
    a1.release();
    assert.equal(g.open, 2);
    assert.equal(g.openFrom('10.0.0.1'), 1);
    assert.equal(g.admit('10.0.0.1').ok, true);
  });

  it('keeps counting across a config reload (carryOver)', () => {
    const old = gate({ allow: ['0.0.0.0/0'], maxConnectionsPerIp: 2 });
    const t = old.admit('10.0.0.1');
    assert.ok(t.ok);
    const next = gate({ allow: ['0.0.0.0/0'], maxConnectionsPerIp: 2 });
    next.carryOver(old);
    next.carryOver(old);
    assert.equal(next.open, 1);
    assert.equal(next.admit('10.0.0.1').ok, true);
    assert.deepEqual(next.admit('10.0.0.1'), { ok: false, reason: 'connection_limit' });
    t.release();
    assert.equal(next.open, 1);
  });

  it('answers trusted-proxy questions from its own list', () => {
    const g = gate({ allow: ['0.0.0.0/0'], trustedProxies: ['10.0.0.5', 'fd00::/8'] });
    assert.equal(g.isTrustedProxy('10.0.0.5'), true);
    assert.equal(g.isTrustedProxy('::ffff:10.0.0.5'), true);
    assert.equal(g.isTrustedProxy('10.0.0.6'), false);
    assert.equal(g.isTrustedProxy('fd12::1'), true);
  });

  it('names the config path of an invalid entry', () => {
    assert.throws(() => new ConnectionGate({ allow: ['10.0.0.0/8'], deny: ['nope'], trustedProxies: [], maxConnections: 1, maxConnectionsPerIp: 1 }), /^ConfigError: network\.deny\[0\]: /);
  });
});
