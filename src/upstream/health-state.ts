/**
 * A backend's health as the last probes saw it. One object per backend, written only by
 * its HealthProber, read by the pool on every request (`status`) and serialised as is by
 * /readyz and /status.
 */

export type HealthStatus = 'healthy' | 'unhealthy' | 'unknown';

/**
 * Why the last probe failed, reason-like and stable (they are log and status values):
 * - `timeout`: no status line within `probe.timeoutMs` (or a connect timeout)
 * - `tls`: the backend's certificate did not verify, or the handshake failed
 * - `not_private`: the host resolved to a public address under `requirePrivateAddress`
 * - `dns`: the host name did not resolve
 * - `connect`: refused, reset, unreachable or any other transport error
 * - `unexpected_status`: the backend answered with a status outside `expectStatus`
 */
export type ProbeError = 'timeout' | 'tls' | 'not_private' | 'dns' | 'connect' | 'unexpected_status';

export class HealthState {
  /** `unknown` until the first probe; the pool only routes to `healthy`. */
  status: HealthStatus = 'unknown';
  /** Status code of the last probe that got an answer, or null. */
  lastStatusCode: number | null = null;
  /** Why the last probe failed; null when it passed. */
  lastError: ProbeError | null = null;
  /** ISO time of the last completed probe. */
  lastCheckedAt: string | null = null;
  consecutivePasses = 0;
  consecutiveFailures = 0;
  /** ISO time the current status began. */
  since: string;

  constructor(now: Date = new Date()) {
    this.since = now.toISOString();
  }
}
