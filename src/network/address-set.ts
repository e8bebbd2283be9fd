import { BlockList, isIP, SocketAddress } from 'node:net';
import { ConfigError } from '../config/config-error.js';

/**
 * A set of addresses and CIDR ranges, parsed once at load, answering `has(address)` on
 * accept and per request (trusted proxies).
 *
 * Matching is done by node's `net.BlockList` (a radix-free list check in C++, ~0.2 µs per
 * lookup here). What it does not do for us, verified on Node 24:
 * - An IPv4 rule matches the IPv4-mapped form (`::ffff:10.1.2.3`, as `socket.remoteAddress`
 *   reports it on a dual-stack listener) only when checked as 'ipv6'; checked as 'ipv4' the
 *   mapped string is simply "no match".
 * - An IPv6 rule covering `::ffff:0:0/96` (for instance `::/0`) also matches every IPv4
 *   address checked as 'ipv4'. Operators (and nginx, Envoy) read `::/0` as "all IPv6", so a
 *   `deny: ['::/0']` must not shut out IPv4 clients.
 * Hence every address is normalised first (mapped → IPv4, zone id dropped) and each family
 * is checked against its own list, which holds that family's rules only.
 */
export class AddressSet {
  readonly #v4: BlockList | null;
  readonly #v6: BlockList | null;
  /** The entries in canonical form (`10.0.0.0/8`, `2001:db8::/32`, `10.1.2.3/32`), for logs. */
  readonly entries: readonly string[];

  private constructor(entries: readonly AddressEntry[]) {
    let v4: BlockList | null = null;
    let v6: BlockList | null = null;
    for (const e of entries) {
      if (e.family === 'ipv4') (v4 ??= new BlockList()).addSubnet(e.address, e.prefix, 'ipv4');
      else (v6 ??= new BlockList()).addSubnet(e.address, e.prefix, 'ipv6');
    }
    this.#v4 = v4;
    this.#v6 = v6;
    this.entries = Object.freeze(entries.map((e) => `${e.address}/${e.prefix}`));
  }

  /** Parses config entries; the first invalid one is a ConfigError naming `path[i]`. */
  static parse(entries: readonly string[], path: string): AddressSet {
    const parsed = entries.map((raw, i) => {
      const e = parseAddressEntry(raw);
      if (typeof e === 'string') throw new ConfigError(`${path}[${i}]`, e);
      return e;
    });
    return new AddressSet(parsed);
  }

  get size(): number {
    return this.entries.length;
  }

  /** True when the address is inside one of the entries. Anything that is not an IP is outside. */
  has(address: string): boolean {
    // An empty set (no trusted proxies, the usual case) answers before any parsing.
    if (this.#v4 === null && this.#v6 === null) return false;
    const a = normalizeAddress(address);
    switch (isIP(a)) {
      case 4:
        return this.#v4 !== null && this.#v4.check(a, 'ipv4');
      case 6:
        return this.#v6 !== null && this.#v6.check(a, 'ipv6');
      default:
        return false;
    }
  }
}

export interface AddressEntry {
  readonly family: 'ipv4' | 'ipv6';
  /** The network address, canonical (host bits are never set: parse refuses them). */
  readonly address: string;
  readonly prefix: number;
}

const MAPPED_PREFIX = '::ffff:';
/** Only spellings containing an `ffff` group can be IPv4-mapped; others skip canonicalisation. */
const MAYBE_MAPPED = /ffff/i;
const PREFIX_DIGITS = /^\d{1,3}$/;

/**
 * The address as the rest of the gateway should see it: IPv4-mapped IPv6 becomes plain IPv4
 * (so `::ffff:10.1.2.3` and `10.1.2.3` are one client for limits, policy and logs), and a
 * zone id (`fe80::1%eth0`) is dropped. Anything that is not an IP address comes back as it
 * was, minus a zone suffix; callers that need validity check `isIP` on the result.
 */
export function normalizeAddress(address: string): string {
  if (!address.includes(':')) return address;
  const zone = address.indexOf('%');
  const a = zone === -1 ? address : address.slice(0, zone);
  // The form sockets report (inet_ntop output): no need to parse.
  if (a.startsWith(MAPPED_PREFIX) && a.includes('.', 7) && a.indexOf(':', 7) === -1) return a.slice(7);
  // Other spellings (upper case, hex tail, zeros written out) come from headers: canonicalise.
  if (!MAYBE_MAPPED.test(a) || isIP(a) !== 6) return a;
  const canonical = new SocketAddress({ address: a, family: 'ipv6' }).address;
  if (canonical.startsWith(MAPPED_PREFIX) && canonical.includes('.', 7)) return canonical.slice(7);
  return canonical;
}

/**
 * Parses one entry: an address (`10.1.2.3`, `2001:db8::1`) or a CIDR range (`10.0.0.0/8`,
 * `2001:db8::/32`). Returns the problem as a string when it is not valid. Ranges with host
 * bits set (`10.1.2.3/8`) are refused: it is usually a typo for /32 that would silently allow
 * a whole /8. IPv4-mapped IPv6 entries become IPv4 entries, like the addresses they match.
 */
export function parseAddressEntry(entry: string): AddressEntry | string {
  if (typeof entry !== 'string' || entry.trim() !== entry || entry === '') return `not an IP address or CIDR range: ${JSON.stringify(entry)}`;
  const slash = entry.indexOf('/');
  let address = slash === -1 ? entry : entry.slice(0, slash);
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  const version = isIP(address);
  if (version === 0) return `not an IP address or CIDR range: ${JSON.stringify(entry)}`;
  const bits = version === 4 ? 32 : 128;
  let prefix = bits;
  if (slash !== -1) {
    const p = entry.slice(slash + 1);
    if (!PREFIX_DIGITS.test(p) || Number(p) > bits) return `invalid prefix length in ${JSON.stringify(entry)}: expected 0 to ${bits}`;
    prefix = Number(p);
  }
  let bytes = version === 4 ? ipv4Bytes(address) : ipv6Bytes(new SocketAddress({ address, family: 'ipv6' }).address);
  let family: 'ipv4' | 'ipv6' = version === 4 ? 'ipv4' : 'ipv6';
  if (family === 'ipv6' && prefix >= 96 && isMappedIpv4(bytes)) {
    bytes = bytes.subarray(12);
    prefix -= 96;
    family = 'ipv4';
  }
  const network = maskBytes(bytes, prefix);
  if (!bytesEqual(network, bytes)) {
    const net = formatBytes(network);
    const host = formatBytes(bytes);
    return `${JSON.stringify(entry)} has host bits set: write ${net}/${prefix} for the range, or ${host} for the single address`;
  }
  return { family, address: formatBytes(bytes), prefix };
}

function isMappedIpv4(b: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (b[i] !== 0) return false;
  return b[10] === 0xff && b[11] === 0xff;
}

function ipv4Bytes(a: string): Uint8Array {
  return Uint8Array.from(a.split('.').map(Number));
}

/**
 * Bytes of a canonical IPv6 string (as SocketAddress prints it: lower case, `::`, maybe a
 * dotted tail). Written here because Node has no address-to-bytes parser (BlockList and
 * SocketAddress only match and canonicalise); the input was validated by isIP first.
 */
function ipv6Bytes(a: string): Uint8Array {
  let s = a;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    const [w, x, y, z] = s.slice(lastColon + 1).split('.').map(Number) as [number, number, number, number];
    s = `${s.slice(0, lastColon + 1)}${((w << 8) | x).toString(16)}:${((y << 8) | z).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    const v = parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

function maskBytes(b: Uint8Array, prefix: number): Uint8Array {
  const out = Uint8Array.from(b);
  for (let i = 0; i < out.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8));
    out[i] = out[i]! & ((0xff << (8 - keep)) & 0xff);
  }
  return out;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function formatBytes(b: Uint8Array): string {
  if (b.length === 4) return b.join('.');
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16));
  return new SocketAddress({ address: groups.join(':'), family: 'ipv6' }).address;
}
