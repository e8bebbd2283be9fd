import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPrivateAddress } from '../../src/upstream/private-address.js';

// [address, private?, why]
const TABLE: readonly [string, boolean, string][] = [
  ['10.0.0.1', true, 'RFC 1918 10/8'],
  ['10.255.255.255', true, 'RFC 1918 10/8, last'],
  ['172.16.0.1', true, 'RFC 1918 172.16/12, first'],
  ['172.31.255.254', true, 'RFC 1918 172.16/12, last'],
  ['172.32.0.1', false, 'just above 172.16/12'],
  ['172.15.255.255', false, 'just below 172.16/12'],
  ['192.168.1.10', true, 'RFC 1918 192.168/16'],
  ['192.169.0.1', false, 'just above 192.168/16'],
  ['100.64.0.1', true, 'RFC 6598 CGNAT'],
  ['100.127.255.255', true, 'RFC 6598 CGNAT, last'],
  ['100.128.0.1', false, 'just above 100.64/10'],
  ['127.0.0.1', true, 'loopback'],
  ['127.8.9.10', true, 'loopback /8'],
  ['::1', true, 'IPv6 loopback'],
  ['fd00::1', true, 'ULA fd00::/8'],
  ['fc00::1', true, 'ULA fc00::/8'],
  ['FD12:3456::1', true, 'ULA, upper case'],
  ['fe80::1', false, 'IPv6 link-local'],
  ['169.254.169.254', false, 'metadata service (link-local) is not a private endpoint'],
  ['169.254.1.1', false, 'IPv4 link-local'],
  ['8.8.8.8', false, 'public'],
  ['20.42.0.1', false, 'public (Azure)'],
  ['0.0.0.0', false, 'unspecified'],
  ['::', false, 'IPv6 unspecified'],
  ['::ffff:10.0.0.1', true, 'IPv4-mapped RFC 1918'],
  ['::ffff:a00:1', true, 'IPv4-mapped RFC 1918, hex form'],
  ['::ffff:127.0.0.1', true, 'IPv4-mapped loopback'],
  ['::ffff:8.8.8.8', false, 'IPv4-mapped public'],
  ['::ffff:169.254.169.254', false, 'IPv4-mapped metadata service'],
  ['64:ff9b::a00:1', false, 'NAT64 of 10.0.0.1 still leaves via a translator'],
  ['2001:db8::1', false, 'documentation range, not private'],
  ['2603:1030::1', false, 'public IPv6'],
  ['not-an-ip', false, 'not an address'],
  ['', false, 'empty'],
  ['10.0.0.1/8', false, 'a CIDR is not an address'],
];

test('isPrivateAddress: classification table', () => {
  for (const [ip, expected, why] of TABLE) {
    assert.equal(isPrivateAddress(ip), expected, `${ip} (${why})`);
  }
});
