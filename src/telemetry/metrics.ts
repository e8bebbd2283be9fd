import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every metric the gateway exports, declared in one place. Labels are bounded by the
 * config (deployment and backend names) or by the reason table; never a client-chosen
 * string, never a key or token.
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'portcullis_requests_total',
    help: 'Requests finished, by deployment, status code and deny reason ("" when the backend answered).',
    labelNames: ['deployment', 'status', 'reason'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'portcullis_request_duration_seconds',
    help: 'Time from request start to the end of the response.',
    labelNames: ['deployment'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
    registers: [this.registry],
  });
  readonly upstreamDuration = new Histogram({
    name: 'portcullis_upstream_headers_seconds',
    help: 'Time from request start to the backend\'s response headers.',
    labelNames: ['backend'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  readonly connectionsDenied = new Counter({
    name: 'portcullis_connections_denied_total',
    help: 'TCP connections closed at accept, before TLS, by reason.',
    labelNames: ['listener', 'reason'] as const,
    registers: [this.registry],
  });
  readonly tlsHandshakeFailures = new Counter({
    name: 'portcullis_tls_handshake_failures_total',
    help: 'Client TLS handshakes that failed (protocol below the minimum, no shared cipher, bad client certificate).',
    labelNames: ['listener'] as const,
    registers: [this.registry],
  });
  readonly backendHealthy = new Gauge({
    name: 'portcullis_backend_healthy',
    help: '1 when the backend passes its health probe, else 0.',
    labelNames: ['backend'] as const,
    registers: [this.registry],
  });
  readonly wafDecisions = new Counter({
    name: 'portcullis_waf_decisions_total',
    help: 'Requests the WAF inspected, by action (pass, block, detect) and the rule that decided ("" on pass).',
    labelNames: ['action', 'rule'] as const,
    registers: [this.registry],
  });
  readonly wafRedactions = new Counter({
    name: 'portcullis_waf_redacted_fields_total',
    help: 'Prompt fields whose secrets or personal data were redacted before forwarding.',
    registers: [this.registry],
  });
  readonly configReloads = new Counter({
    name: 'portcullis_config_reloads_total',
    help: 'Configuration reloads, by result.',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'portcullis_' });
  }
}
