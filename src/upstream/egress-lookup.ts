import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import type { Logger } from 'pino';
import { isPrivateAddress } from './private-address.js';
import { NotPrivateAddressError } from './upstream-errors.js';

/**
 * Where a backend's connections may go, decided before the TCP handshake.
 *
 * The `lookup` built here is handed to undici as a `connect` option; undici spreads its
 * connect options into `tls.connect()` (or `net.connect()` for http://), and node's
 * socket calls `lookup(hostname, options, cb)` before it connects
 * (node_modules/undici/lib/core/connect.js). node calls it with `{ all: true }` when
 * `autoSelectFamily` (happy eyeballs, on by default since node 20) is in effect and
 * expects an array of `{ address, family }` then; otherwise it expects `(err, address,
 * family)`. Both shapes are answered. An error passed to the callback destroys the socket
 * before any packet is sent to the refused address, and reaches undici unchanged.
 *
 * The host name itself is untouched, so TLS still sends it as SNI and verifies the
 * certificate against it: `resolve` changes where we connect, never whom we trust.
 */

/** Log at most one refusal line per backend in this period; the requests each carry the reason anyway. */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

export type DnsLookup = (hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void) => void;

export interface EgressOptions {
  /** Backend name, for logs and errors. */
  readonly backend: string;
  /** Fixed addresses answered instead of DNS (`resolve` in the config), or null. */
  readonly resolve: readonly string[] | null;
  readonly requirePrivateAddress: boolean;
  readonly log: Logger;
  /** DNS resolver; tests inject one. Default: node's `dns.lookup` (getaddrinfo, honours /etc/hosts). */
  readonly dnsLookup?: DnsLookup;
}

/**
 * The egress rule of one backend, built once at provision. `lookup` is the function for
 * the socket options; `checkAddress` judges an address that needs no lookup (an IP
 * literal in the url, which node connects to without calling `lookup`).
 */
export class EgressPolicy {
  readonly backend: string;
  readonly requirePrivateAddress: boolean;
  readonly lookup: LookupFunction;
  readonly #fixed: readonly LookupAddress[] | null;
  readonly #dns: DnsLookup;
  readonly #log: Logger;
  #lastRefusalLogAt = -Infinity;
  #suppressedRefusals = 0;

  constructor(opts: EgressOptions) {
    this.backend = opts.backend;
    this.requirePrivateAddress = opts.requirePrivateAddress;
    this.#fixed = opts.resolve === null ? null : Object.freeze(opts.resolve.map((address) => Object.freeze({ address, family: isIP(address) })));
    this.#dns = opts.dnsLookup ?? (dnsLookup as DnsLookup);
    this.#log = opts.log;
    // Bound once: the socket calls it as a plain function.
    this.lookup = (hostname, options, callback) => this.#lookup(hostname, options, callback);
  }

  /** Null when connecting to `address` (already resolved) is allowed, else the error to fail with. */
  checkAddress(hostname: string, address: string): NotPrivateAddressError | null {
    if (!this.requirePrivateAddress || isPrivateAddress(address)) return null;
    const err = new NotPrivateAddressError(this.backend, hostname, address);
    this.#logRefusal(err);
    return err;
  }

  #lookup(hostname: string, options: LookupOptions, callback: Parameters<LookupFunction>[2]): void {
    const family = familyOf(options.family);
    if (this.#fixed !== null) {
      const answer = family === 0 ? this.#fixed : this.#fixed.filter((a) => a.family === family);
      // Like dns.lookup, never call back synchronously.
      process.nextTick(() => this.#answer(hostname, options, answer, callback));
      return;
    }
    this.#dns(hostname, { family, hints: options.hints ?? 0, all: true }, (err, addresses) => {
      if (err !== null) {
        callback(err, options.all === true ? [] : '', 0);
        return;
      }
      this.#answer(hostname, options, addresses, callback);
    });
  }

  #answer(hostname: string, options: LookupOptions, addresses: readonly LookupAddress[], callback: Parameters<LookupFunction>[2]): void {
    if (addresses.length === 0) {
      const err: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${hostname} (no address of the requested family in resolve)`);
      err.code = 'ENOTFOUND';
      err.syscall = 'getaddrinfo';
      callback(err, options.all === true ? [] : '', 0);
      return;
    }
    // Strict: one public address in the answer refuses the connection, whichever one
    // happy eyeballs would have tried first. A mixed answer means the private DNS zone
    // is not what this host sees, and that is what the operator must hear about.
    if (this.requirePrivateAddress) {
      for (const a of addresses) {
        const refused = this.checkAddress(hostname, a.address);
        if (refused !== null) {
          callback(refused, options.all === true ? [] : '', 0);
          return;
        }
      }
    }
    if (options.all === true) callback(null, addresses as LookupAddress[]);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  }

  #logRefusal(err: NotPrivateAddressError): void {
    const now = Date.now();
    if (now - this.#lastRefusalLogAt < REFUSAL_LOG_INTERVAL_MS) {
      this.#suppressedRefusals++;
      return;
    }
    this.#log.error(
      { backend: err.backend, hostname: err.hostname, address: err.address, code: err.code, suppressed: this.#suppressedRefusals },
      `backend ${err.backend}: ${err.hostname} resolved to ${err.address}, not on the private network; connection refused (requirePrivateAddress)`,
    );
    this.#lastRefusalLogAt = now;
    this.#suppressedRefusals = 0;
  }
}

function familyOf(f: LookupOptions['family']): 0 | 4 | 6 {
  if (f === 4 || f === 'IPv4') return 4;
  if (f === 6 || f === 'IPv6') return 6;
  return 0;
}

/** The lookup function alone, for code that needs only the socket option. */
export function createEgressLookup(opts: EgressOptions): LookupFunction {
  return new EgressPolicy(opts).lookup;
}
