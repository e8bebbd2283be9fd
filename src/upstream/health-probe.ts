import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.js';
import type { Backend } from './backend.js';
import type { ProbeConfig } from './backend-config.js';
import type { HealthState, ProbeError } from './health-state.js';
import { classifyUpstreamError } from './upstream-errors.js';

/**
 * Active health probe of one backend (Application Gateway's custom probe: seed 000 expects
 * 404 from Azure OpenAI at `/`, which has no health endpoint).
 *
 * - Probes go through the backend's own dispatcher, so they exercise the same TLS trust,
 *   lookup and private-address rule as traffic (on a fresh connection; afterwards they
 *   reuse a kept-alive one like any request). They send the Host override and NO
 *   credential: a probe must not spend tokens or leak the key to a wrong endpoint.
 * - One probe at a time: the next starts `intervalMs` (±10% jitter, so replicas and
 *   backends do not probe in lockstep) after the previous one ended. The timer is
 *   unref'd: probes never keep the process alive.
 * - The first probe decides directly (pass → healthy, fail → unhealthy), so readiness is
 *   known as soon as `start()` resolves; until then the status is `unknown`, which the
 *   pool does not route to. Afterwards `healthyThreshold` consecutive passes make an
 *   unhealthy backend healthy and `unhealthyThreshold` consecutive failures the reverse.
 * - A disabled probe makes the backend healthy at `start()`, permanently.
 */

/** Statuses a probe accepts, compiled from `expectStatus` into a 600-entry table. */
export class StatusMatcher {
  readonly #table = new Uint8Array(600);
  constructor(specs: readonly string[], path: string) {
    specs.forEach((spec, i) => {
      const m = /^([1-5][0-9]{2})(?:-([1-5][0-9]{2}))?$/.exec(spec);
      if (m === null) throw new ConfigError(`${path}[${i}]`, `"${spec}" is not a status code or range such as "200-399"`);
      const lo = Number(m[1]);
      const hi = m[2] === undefined ? lo : Number(m[2]);
      if (lo > hi) throw new ConfigError(`${path}[${i}]`, `range ${spec} is empty (start above end)`);
      this.#table.fill(1, lo, hi + 1);
    });
  }
  matches(status: number): boolean {
    return this.#table[status] === 1;
  }
}

const PROBE_USER_AGENT = 'portcullis-health-probe';

export class HealthProber {
  readonly backend: Backend;
  readonly #cfg: ProbeConfig;
  readonly #matcher: StatusMatcher;
  readonly #log: Logger;
  readonly #onChange: ((healthy: boolean) => void) | null;
  readonly #headers: Record<string, string>;
  #timer: NodeJS.Timeout | null = null;
  #abort: AbortController | null = null;
  #started = false;
  #stopped = false;

  constructor(backend: Backend, cfg: ProbeConfig, log: Logger, onChange?: (healthy: boolean) => void) {
    this.backend = backend;
    this.#cfg = cfg;
    this.#matcher = new StatusMatcher(cfg.expectStatus, 'probe.expectStatus');
    this.#log = log;
    this.#onChange = onChange ?? null;
    this.#headers = { host: backend.hostHeader, 'user-agent': PROBE_USER_AGENT };
  }

  get health(): HealthState {
    return this.backend.health;
  }

  /** Runs the first probe and schedules the rest; resolves when the first probe is done. */
  async start(): Promise<void> {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    if (!this.#cfg.enabled) {
      this.#transition('healthy', 'probe disabled');
      return;
    }
    await this.#runOnce();
    this.#scheduleNext();
  }

  /** Stops probing and abandons a probe in flight. Idempotent. */
  stop(): void {
    this.#stopped = true;
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#abort?.abort(new Error('prober stopped'));
  }

  /**
   * One probe, without touching the state: the status code, or the failure. Also used by
   * diagnostics (`doctor`) to test a backend the way the prober does.
   */
  async probe(signal?: AbortSignal): Promise<{ pass: boolean; statusCode: number | null; error: ProbeError | null; detail: string | null }> {
    const timeout = AbortSignal.timeout(this.#cfg.timeoutMs);
    try {
      const res = await this.backend.dispatcher.request({
        path: this.#cfg.path,
        method: this.#cfg.method,
        headers: this.#headers,
        headersTimeout: this.#cfg.timeoutMs,
        bodyTimeout: this.#cfg.timeoutMs,
        signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
      });
      // Read and discard (undici's dump stops after 128 KiB) so the connection can be reused.
      await res.body.dump().catch(() => undefined);
      const pass = this.#matcher.matches(res.statusCode);
      return { pass, statusCode: res.statusCode, error: pass ? null : 'unexpected_status', detail: pass ? null : `status ${res.statusCode}` };
    } catch (err) {
      const error: ProbeError = timeout.aborted ? 'timeout' : probeErrorOf(err);
      return { pass: false, statusCode: null, error, detail: detailOf(err) };
    }
  }

  async #runOnce(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    const r = await this.probe(abort.signal);
    this.#abort = null;
    if (this.#stopped) return;
    const h = this.backend.health;
    h.lastCheckedAt = new Date().toISOString();
    h.lastStatusCode = r.statusCode;
    h.lastError = r.error;
    if (r.pass) {
      h.consecutivePasses++;
      h.consecutiveFailures = 0;
    } else {
      h.consecutiveFailures++;
      h.consecutivePasses = 0;
    }
    if (h.status === 'unknown') {
      this.#transition(r.pass ? 'healthy' : 'unhealthy', r.detail);
    } else if (r.pass && h.status === 'unhealthy' && h.consecutivePasses >= this.#cfg.healthyThreshold) {
      this.#transition('healthy', r.detail);
    } else if (!r.pass && h.status === 'healthy' && h.consecutiveFailures >= this.#cfg.unhealthyThreshold) {
      this.#transition('unhealthy', r.detail);
    }
  }

  #transition(status: 'healthy' | 'unhealthy', detail: string | null): void {
    const h = this.backend.health;
    const from = h.status;
    h.status = status;
    h.since = new Date().toISOString();
    const fields = { backend: this.backend.name, from, to: status, lastStatusCode: h.lastStatusCode, lastError: h.lastError, detail };
    if (status === 'healthy') this.#log.info(fields, `backend ${this.backend.name} is healthy`);
    else this.#log.warn(fields, `backend ${this.backend.name} is unhealthy`);
    this.#onChange?.(status === 'healthy');
  }

  #scheduleNext(): void {
    if (this.#stopped) return;
    const delay = Math.round(this.#cfg.intervalMs * (0.9 + 0.2 * Math.random()));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      void this.#runOnce()
        // Only the onChange callback can throw; probing goes on regardless.
        .catch((err: unknown) => this.#log.error({ backend: this.backend.name, error: err instanceof Error ? err.message : String(err) }, 'health probe state change handler failed'))
        .finally(() => this.#scheduleNext());
    }, delay);
    this.#timer.unref();
  }
}

function probeErrorOf(err: unknown): ProbeError {
  switch (classifyUpstreamError(err)) {
    case 'upstream_timeout':
      return 'timeout';
    case 'upstream_tls_error':
      return 'tls';
    case 'upstream_not_private':
      return 'not_private';
    default: {
      const code = (err as { code?: unknown } | null)?.code;
      return code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL' ? 'dns' : 'connect';
    }
  }
}

/** `CODE: message` of the error, for the transition log line (never a credential: probes carry none). */
function detailOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${err.message}` : err.message;
}
