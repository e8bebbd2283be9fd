import type { Logger } from 'pino';
import type { RequestContext } from '../pipeline/context.js';
import type { GatewayMetrics } from '../telemetry/metrics.js';
import { accessLineWriter, type AccessRecord } from './access-line.js';

/**
 * One JSON line per request. Holds what an operator needs to answer "who called what,
 * what happened, how long": never a credential (the key id, not the key) and never a
 * body. A deny carries its reason code.
 */
export function createRequestRecorder(log: Logger | null, metrics: GatewayMetrics): (ctx: RequestContext) => void {
  // prom-client hashes label values on every labels() call; the label space here is small
  // and bounded (config names × statuses × reasons), so the children are looked up once.
  const counters = new Map<string, { inc(): void }>();
  const durations = new Map<string, { observe(v: number): void }>();
  const upstream = new Map<string, { observe(v: number): void }>();
  // Bounded too: actions × the rule ids of the loaded rule set.
  const wafCounters = new Map<string, { inc(): void }>();
  // Every field is ours and none holds a secret, so the line skips the root logger's
  // redaction (two thirds of the cost of a pino line, pino 10) and pino's generic
  // serialiser (access-line.ts); a destination that needs pino's metadata gets pino.
  const access = log === null ? null : log.child({}, { redact: [] });
  const write: ((r: AccessRecord) => void) | null = access === null ? null : (accessLineWriter(access) ?? ((r) => access.info({ msg: 'request', ...r })));
  return (ctx) => {
    const ms = Number(process.hrtime.bigint() - ctx.startedAt) / 1e6;
    // nginx's 499: the client left before the response was complete, whatever status went out.
    const status = ctx.reason === 'client_closed' ? 499 : ctx.res.statusCode;
    const deployment = ctx.deployment?.name ?? '';
    const reason = ctx.reason ?? '';
    const key = `${deployment}\u0000${status}\u0000${reason}`;
    let counter = counters.get(key);
    if (counter === undefined) counters.set(key, (counter = metrics.requests.labels(deployment, String(status), reason)));
    counter.inc();
    let duration = durations.get(deployment);
    if (duration === undefined) durations.set(deployment, (duration = metrics.duration.labels(deployment)));
    duration.observe(ms / 1000);
    if (ctx.waf !== null) {
      const w = ctx.waf;
      const wkey = `${w.action}\u0000${w.decidedBy ?? ''}`;
      let c = wafCounters.get(wkey);
      if (c === undefined) wafCounters.set(wkey, (c = metrics.wafDecisions.labels(w.action, w.decidedBy ?? '')));
      c.inc();
      if (w.redacted > 0) metrics.wafRedactions.inc(w.redacted);
    }
    if (ctx.backend !== null && ctx.upstreamMs !== null) {
      let up = upstream.get(ctx.backend.name);
      if (up === undefined) upstream.set(ctx.backend.name, (up = metrics.upstreamDuration.labels(ctx.backend.name)));
      up.observe(ctx.upstreamMs / 1000);
    }
    if (write === null) return;
    write({
      requestId: ctx.id,
      client: ctx.clientAddress,
      peer: ctx.peerAddress,
      method: ctx.req.method ?? '',
      route: ctx.routeKind,
      path: ctx.routeRest,
      deployment: ctx.deployment?.name ?? null,
      keyId: ctx.identity?.id ?? null,
      backend: ctx.backend?.name ?? null,
      status,
      reason: ctx.reason,
      shadowReasons: ctx.shadowReasons,
      durationMs: Math.round(ms * 100) / 100,
      upstreamMs: ctx.upstreamMs === null ? null : Math.round(ctx.upstreamMs * 100) / 100,
      bytesIn: ctx.bytesIn,
      bytesOut: ctx.bytesOut,
      waf: ctx.waf === null ? null : { action: ctx.waf.action, score: ctx.waf.score, decidedBy: ctx.waf.decidedBy, rules: ctx.waf.rules, redacted: ctx.waf.redacted },
    });
  };
}
