import { BlockList, isIP } from 'node:net';

/**
 * The address ranges a backend may be reached on when `requirePrivateAddress` is set:
 * the places an Azure private endpoint (or an on-premises forwarder) can live.
 *
 * Deliberately NOT included:
 * - 169.254.0.0/16 and fe80::/10 (link-local): that is where cloud metadata services
 *   answer (169.254.169.254 hands out managed-identity tokens); a backend "resolving"
 *   there is an SSRF, not a private endpoint.
 * - 0.0.0.0/8 and :: (unspecified): connecting to them reaches the local host by accident.
 * - 64:ff9b::/96 (NAT64) and 2002::/16 (6to4): they translate to public IPv4.
 *
 * Loopback is included so a gateway can front a local forwarder (and so the tests can run).
 */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4'); // RFC 6598 shared address space (CGNAT)
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4'); // RFC 1122 loopback
PRIVATE.addAddress('::1', 'ipv6'); // RFC 4291 loopback
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // RFC 4193 unique local addresses

/**
 * True when `ip` is in one of the private ranges above. IPv4-mapped IPv6 addresses
 * (`::ffff:10.0.0.1`) are judged by their IPv4 address: node's BlockList does that itself
 * (checked in test/upstream/private-address.test.ts); a zone suffix (`fd00::1%eth0`) is
 * ignored. Anything that is not an IP address is not private.
 */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return PRIVATE.check(ip, 'ipv4');
  if (family === 6) return PRIVATE.check(ip, 'ipv6');
  return false;
}
