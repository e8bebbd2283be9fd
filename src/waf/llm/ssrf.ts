/**
 * SSRF check for URLs the backend or a tool will fetch on the client's behalf
 * (`image_url`, `file_url`, MCP `server_url`: PromptField kind 'url').
 *
 * The URL is parsed with the WHATWG `URL` parser, the same algorithm browsers, undici and
 * most HTTP clients use, so we judge the host the fetcher will connect to, not our reading
 * of the string: it already turns every numeric IPv4 spelling (`2130706433`, `0177.0.0.1`,
 * `0x7f.1`, `127.1`, full-width digits) into dotted decimal, percent-decodes and
 * IDNA-maps host names (`%6c%6fcalhost`, `ⓛocalhost` → `localhost`), lower-cases, puts
 * IPv6 in canonical compressed hex (`[::ffff:127.0.0.1]` → `[::ffff:7f00:1]`) and drops
 * userinfo (`http://good@127.0.0.1`) from the host. A hand-rolled parser would disagree
 * with the fetcher on some of these, which is exactly the gap SSRF payloads use.
 *
 * No DNS resolution: a public name that resolves (or later re-resolves: DNS rebinding) to
 * a private address passes here. Resolving would add a lookup to every request and still
 * race the backend's own lookup; egress control at the fetcher is the backend's concern.
 * Names that are private by construction (`localhost`, `.internal`, single labels,
 * wildcard-DNS services such as nip.io that embed an IP) are refused without resolving.
 *
 * `data:` URLs are not fetched and are not this check's business (the extractor gives
 * them kind 'data'); one that reaches us anyway passes.
 */
import { isIP } from 'node:net';
import { AddressSet, parseAddressEntry } from '../../network/address-set.js';

/** Why a URL was refused; stable names for audit records and tests. */
export type SsrfReason =
  /** Not an absolute URL the WHATWG parser accepts. */
  | 'invalid_url'
  /** Scheme other than http/https (file:, gopher:, ftp:, dict:, ldap:, jar:, …). */
  | 'scheme'
  /** 127.0.0.0/8, ::1, `localhost`, `*.localhost`, loopback wildcard-DNS names. */
  | 'loopback'
  /** RFC 1918, CGNAT 100.64.0.0/10, ULA fc00::/7, site-local fec0::/10, local NAT64. */
  | 'private'
  /** 169.254.0.0/16, fe80::/10. */
  | 'link_local'
  /** Cloud instance-metadata and host-agent endpoints (IMDS, Azure wireserver, …). */
  | 'metadata'
  /** 0.0.0.0/8 and `::` (connects to the local host on most stacks). */
  | 'unspecified'
  /** 224.0.0.0/4, ff00::/8. */
  | 'multicast'
  /** Reserved, documentation, benchmarking, broadcast and Teredo ranges. */
  | 'reserved'
  /** Names only meaningful inside a private network: single labels, `.internal`, `.local`, …. */
  | 'internal_name';

export const SSRF_REASON_MESSAGES: Readonly<Record<SsrfReason, string>> = Object.freeze({
  invalid_url: 'URL is not a valid absolute URL',
  scheme: 'URL scheme is not http or https',
  loopback: 'URL host is a loopback address',
  private: 'URL host is a private network address',
  link_local: 'URL host is a link-local address',
  metadata: 'URL host is a cloud metadata endpoint',
  unspecified: 'URL host is the unspecified address',
  multicast: 'URL host is a multicast address',
  reserved: 'URL host is a reserved address',
  internal_name: 'URL host is an internal host name',
});

export interface SsrfChecker {
  /** null when the URL may be fetched, else the reason it may not. */
  check(url: string): SsrfReason | null;
}

/**
 * `allowHosts` entries: a host name (`images.contoso.internal`, exact), `*.suffix` (any
 * name below it, not the suffix itself), or an IP address / CIDR range (`10.1.0.0/16`).
 * Allowed hosts skip the host checks, never the scheme check.
 */
export function createSsrfChecker(opts: { readonly allowHosts: readonly string[] }): SsrfChecker {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const cidrs: string[] = [];
  for (const raw of opts.allowHosts) {
    const problem = allowHostProblem(raw);
    if (problem !== null) throw new TypeError(`allowHosts: ${problem}`);
    const e = raw.toLowerCase().replace(/\.+$/, '');
    if (typeof parseAddressEntry(raw) !== 'string') cidrs.push(raw);
    else if (e.startsWith('*.')) suffixes.push(e.slice(1));
    else names.add(e);
  }
  const allowedIps = cidrs.length > 0 ? AddressSet.parse(cidrs, 'allowHosts') : null;

  const allowed = (host: string, ip: boolean): boolean => {
    if (ip) return allowedIps !== null && allowedIps.has(host);
    if (names.has(host)) return true;
    for (const s of suffixes) if (host.endsWith(s)) return true;
    return false;
  };

  return {
    check(raw: string): SsrfReason | null {
      const s = raw.trim();
      if (/^data:/i.test(s)) return null;
      let url: URL;
      try {
        url = new URL(s);
      } catch {
        return 'invalid_url';
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'scheme';
      let host = url.hostname;
      if (host.startsWith('[')) host = host.slice(1, -1);
      // `localhost.` and `localhost` are the same name to a resolver.
      host = host.replace(/\.+$/, '');
      if (host === '') return 'invalid_url';
      const version = isIP(host);
      if (allowed(host, version !== 0)) return null;
      if (version === 4) return classifyIpv4(ipv4Number(host));
      if (version === 6) return classifyIpv6(ipv6Groups(host));
      return classifyName(host);
    },
  };
}

/** Why an allowHosts entry is invalid, or null (used by the config schema too). */
export function allowHostProblem(raw: string): string | null {
  if (typeof parseAddressEntry(raw) !== 'string') return null;
  const e = raw.toLowerCase().replace(/\.+$/, '');
  const name = e.startsWith('*.') ? e.slice(2) : e;
  const labels = name.split('.');
  if (name === '' || !labels.every((l) => /^[a-z0-9_][a-z0-9_-]{0,62}$/.test(l) && !l.endsWith('-'))) {
    return `${JSON.stringify(raw)} is not a host name, "*.domain", IP address or CIDR range`;
  }
  return null;
}

// ---- IPv4

const METADATA_V4 = new Map<number, true>([
  [ipv4Number('169.254.169.254'), true], // AWS, Azure IMDS, GCP, OpenStack, DigitalOcean, …
  [ipv4Number('168.63.129.16'), true], // Azure wireserver / host agent
  [ipv4Number('100.100.100.200'), true], // Alibaba Cloud
  [ipv4Number('192.0.0.192'), true], // Oracle Cloud (legacy)
]);

function ipv4Number(dotted: string): number {
  const p = dotted.split('.');
  return ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
}

function inV4(n: number, net: number, prefix: number): boolean {
  const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
  return ((n & mask) >>> 0) === net;
}

const V4 = (a: number, b = 0, c = 0, d = 0): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Ranges from the IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates). */
export function classifyIpv4(n: number): SsrfReason | null {
  if (METADATA_V4.has(n)) return 'metadata';
  if (inV4(n, V4(0), 8)) return 'unspecified';
  if (inV4(n, V4(127), 8)) return 'loopback';
  if (inV4(n, V4(10), 8) || inV4(n, V4(172, 16), 12) || inV4(n, V4(192, 168), 16) || inV4(n, V4(100, 64), 10)) return 'private';
  if (inV4(n, V4(169, 254), 16)) return 'link_local';
  if (inV4(n, V4(224), 4)) return 'multicast';
  if (inV4(n, V4(240), 4)) return 'reserved'; // includes 255.255.255.255
  if (inV4(n, V4(192, 0, 0), 24) || inV4(n, V4(192, 0, 2), 24) || inV4(n, V4(198, 18), 15) || inV4(n, V4(198, 51, 100), 24) || inV4(n, V4(203, 0, 113), 24)) return 'reserved';
  return null;
}

// ---- IPv6

/** Eight 16-bit groups of an IPv6 address already validated by isIP. */
function ipv6Groups(a: string): number[] {
  let s = a;
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.', lastColon)) {
    const n = ipv4Number(s.slice(lastColon + 1));
    s = `${s.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = s.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === undefined || tail === '' ? [] : tail.split(':');
  return [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t].map((g) => parseInt(g, 16));
}

function embeddedV4(g: readonly number[], at: number): number {
  return ((g[at]! << 16) | g[at + 1]!) >>> 0;
}

/** Ranges from the IANA IPv6 Special-Purpose Address Registry; embedded IPv4 is judged as IPv4. */
export function classifyIpv6(g: readonly number[]): SsrfReason | null {
  const zeroUpTo = (k: number): boolean => g.slice(0, k).every((x) => x === 0);
  // fd00:ec2::254 is AWS IMDS over IPv6 (Nitro); checked before fc00::/7.
  if (g[0] === 0xfd00 && g[1] === 0x0ec2 && g.slice(2, 7).every((x) => x === 0) && g[7] === 0x254) return 'metadata';
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  if (zeroUpTo(5) && g[5] === 0xffff) return classifyIpv4(embeddedV4(g, 6)); // ::ffff:a.b.c.d mapped
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return classifyIpv4(embeddedV4(g, 6)); // ::ffff:0:a.b.c.d translated (SIIT)
  if (zeroUpTo(6)) return classifyIpv4(embeddedV4(g, 6)); // ::a.b.c.d compatible (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(embeddedV4(g, 6)); // NAT64 well-known prefix
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private'; // local-use NAT64 (RFC 8215)
  if (g[0] === 0x2002) return classifyIpv4(embeddedV4(g, 1)); // 6to4
  if ((g[0]! & 0xfe00) === 0xfc00) return 'private'; // ULA
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link_local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'private'; // site-local (deprecated, still routed internally)
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0) return 'reserved'; // Teredo: the IPv4 inside is obfuscated
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved'; // documentation
  if (g[0] === 0x2001 && (g[1]! & 0xffe0) === 0x0020) return 'reserved'; // ORCHIDv2
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'reserved'; // discard-only
  if (g[0]! < 0x0100) return 'reserved'; // rest of ::/8
  return null;
}

// ---- Names

/** Reserved or conventionally private top-level names (RFC 6761, RFC 6762, RFC 8375, ICANN 2024 `.internal`; Kubernetes `.svc`). */
const INTERNAL_SUFFIXES = ['.internal', '.local', '.localdomain', '.home.arpa', '.lan', '.intranet', '.corp', '.test', '.invalid', '.svc', '.kubernetes.default'];
const METADATA_NAMES = new Set([
  'metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'metadata.azure.com', 'metadata.packet.net', 'metadata.platformequinix.com',
]);
/** The Kubernetes API server as every pod can name it. */
const INTERNAL_NAMES = new Set(['kubernetes', 'kubernetes.default', 'kubernetes.default.svc']);
/**
 * Wildcard-DNS services whose names resolve to an address written in the name
 * (`10.0.0.1.nip.io`, `127-0-0-1.sslip.io`), or always to loopback (`*.localtest.me`).
 */
const EMBEDDING_SUFFIXES = ['.nip.io', '.sslip.io', '.xip.io', '.nip.direct', '.traefik.me', '.local.gd'];
const LOOPBACK_NAMES = ['localtest.me', 'lvh.me', 'vcap.me', 'lacolhost.com'];

/** `127-0-0-1` or `ip-10-0-0-1` as one label (sslip.io, EC2 and GKE style names). */
const DASHED_V4 = /(?:^|-)([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})-([0-9]{1,3})$/;
const HEX_V4 = /^[0-9a-f]{8}$/;

function octet(s: string): number {
  const n = Number(s);
  return /^[0-9]{1,3}$/.test(s) && n <= 255 ? n : -1;
}

/** An IPv4 address written into the name's labels (dotted run of four, `a-b-c-d`, or 8 hex digits for nip.io). */
function embeddedIpv4(labels: readonly string[], allowHex: boolean): number | null {
  for (let i = 0; i + 4 <= labels.length; i++) {
    const o = labels.slice(i, i + 4).map(octet);
    if (o.every((x) => x >= 0)) return V4(o[0]!, o[1]!, o[2]!, o[3]!);
  }
  for (const l of labels) {
    const m = DASHED_V4.exec(l);
    if (m !== null) {
      const o = [m[1]!, m[2]!, m[3]!, m[4]!].map(octet);
      if (o.every((x) => x >= 0)) return V4(o[0]!, o[1]!, o[2]!, o[3]!);
    }
    if (allowHex && HEX_V4.test(l)) return parseInt(l, 16) >>> 0;
  }
  return null;
}

export function classifyName(host: string): SsrfReason | null {
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (METADATA_NAMES.has(host)) return 'metadata';
  for (const n of LOOPBACK_NAMES) if (host === n || host.endsWith(`.${n}`)) return 'loopback';
  const labels = host.split('.');
  const embedding = EMBEDDING_SUFFIXES.some((s) => host.endsWith(s));
  const v4 = embeddedIpv4(labels, embedding);
  if (v4 !== null) {
    const r = classifyIpv4(v4);
    if (r !== null) return r;
  }
  if (labels.length === 1 || INTERNAL_NAMES.has(host)) return 'internal_name';
  for (const s of INTERNAL_SUFFIXES) if (host.endsWith(s)) return 'internal_name';
  return null;
}
