import type { Reason } from '../errors/reasons.js';
import { AddressSet, normalizeAddress } from './address-set.js';
import type { NetworkPolicy } from './listener-config.js';

/** Why a connection was closed at accept; each is a code in src/errors/reasons.ts. */
export type GateRefusal = Extract<Reason, 'source_not_allowed' | 'source_denied' | 'connection_limit'>;

export interface Admitted {
  readonly ok: true;
  /** Gives the connection's slot back; call it when the socket closes. Extra calls do nothing. */
  release(): void;
}
export interface Refused {
  readonly ok: false;
  readonly reason: GateRefusal;
}
export type Admission = Admitted | Refused;

// Refusals are shared constants: a connection flood allocates nothing per refused socket.
const NOT_ALLOWED: Refused = Object.freeze({ ok: false, reason: 'source_not_allowed' });
const DENIED: Refused = Object.freeze({ ok: false, reason: 'source_denied' });
const LIMIT: Refused = Object.freeze({ ok: false, reason: 'connection_limit' });

/** Open connections, total and per source. Shared between the gates of successive config generations. */
class Counts {
  total = 0;
  readonly perIp = new Map<string, number>();
}

class Ticket implements Admitted {
  readonly ok = true;
  #gate: ConnectionGate | null;
  readonly #ip: string;
  constructor(gate: ConnectionGate, ip: string) {
    this.#gate = gate;
    this.#ip = ip;
  }
  release(): void {
    const gate = this.#gate;
    if (gate === null) return;
    this.#gate = null;
    gate.releaseSlot(this.#ip);
  }
}

/**
 * The accept-time policy, compiled once from `network`: source allow/deny lists and the
 * connection limits. `admit` runs for every accepted TCP connection before a byte is read,
 * so it only does set lookups and counter arithmetic.
 *
 * Order: deny, then allow, then limits (a denied or unknown source never takes a slot and
 * cannot exhaust the limit of allowed ones).
 */
export class ConnectionGate {
  readonly #allow: AddressSet;
  readonly #deny: AddressSet;
  readonly #trusted: AddressSet;
  readonly #maxTotal: number;
  readonly #maxPerIp: number;
  #counts = new Counts();

  /** Throws ConfigError naming `network.allow[i]` (etc.) for an invalid entry. */
  constructor(policy: NetworkPolicy) {
    this.#allow = AddressSet.parse(policy.allow, 'network.allow');
    this.#deny = AddressSet.parse(policy.deny, 'network.deny');
    this.#trusted = AddressSet.parse(policy.trustedProxies, 'network.trustedProxies');
    this.#maxTotal = policy.maxConnections;
    this.#maxPerIp = policy.maxConnectionsPerIp;
  }

  /** Open connections admitted by this gate (and by the gates it took over from). */
  get open(): number {
    return this.#counts.total;
  }

  /** Open connections from one source address. */
  openFrom(address: string): number {
    return this.#counts.perIp.get(normalizeAddress(address)) ?? 0;
  }

  admit(remoteAddress: string | undefined): Admission {
    // A socket whose peer is already gone reports no address: nothing to check it against.
    if (remoteAddress === undefined || remoteAddress === '') return NOT_ALLOWED;
    const ip = normalizeAddress(remoteAddress);
    if (this.#deny.has(ip)) return DENIED;
    if (!this.#allow.has(ip)) return NOT_ALLOWED;
    const counts = this.#counts;
    const fromIp = counts.perIp.get(ip) ?? 0;
    if (counts.total >= this.#maxTotal || fromIp >= this.#maxPerIp) return LIMIT;
    counts.total++;
    counts.perIp.set(ip, fromIp + 1);
    return new Ticket(this, ip);
  }

  isTrustedProxy(address: string): boolean {
    return this.#trusted.has(address);
  }

  /**
   * Makes this gate (from a reloaded config) count the connections still open under
   * `previous`, so a reload does not reset the limits to zero. Both gates then share one set
   * of counters; connections admitted by either release into it. Idempotent.
   */
  carryOver(previous: ConnectionGate): void {
    if (previous === this || previous.#counts === this.#counts) return;
    const mine = this.#counts;
    const shared = previous.#counts;
    shared.total += mine.total;
    for (const [ip, n] of mine.perIp) shared.perIp.set(ip, (shared.perIp.get(ip) ?? 0) + n);
    this.#counts = shared;
  }

  /** @internal Called by a Ticket, once. */
  releaseSlot(ip: string): void {
    const counts = this.#counts;
    counts.total--;
    const n = (counts.perIp.get(ip) ?? 1) - 1;
    if (n <= 0) counts.perIp.delete(ip);
    else counts.perIp.set(ip, n);
  }
}
