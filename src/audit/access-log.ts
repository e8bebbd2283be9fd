import type { Logger } from 'pino';
import type { RequestContext } from '../pipeline/context.js';
import type { GatewayMetrics } from '../telemetry/metrics.js';

/**
 * One JSON line per request. Holds what an operator needs to answer "who called what,
 * what happened, how long": never a credential (the key id, not the key) and never a
 * body. A deny carries its reason code.
 */
export function createRequestRecorder(log: Logger | null, metrics: GatewayMetrics): (ctx: RequestContext) => void {
  return (ctx) => {
    const ms = Number(process.hrtime.bigint() - ctx.startedAt) / 1e6;
    const status = ctx.res.statusCode;
    const deployment = ctx.deployment?.name ?? '';
    metrics.requests.labels(deployment, String(status), ctx.reason ?? '').inc();
    metrics.duration.labels(deployment).observe(ms / 1000);
    if (ctx.backend !== null && ctx.upstreamMs !== null) metrics.upstreamDuration.labels(ctx.backend.name).observe(ctx.upstreamMs / 1000);
    if (log === null) return;
    log.info({
      msg: 'request',
      requestId: ctx.id,
      client: ctx.clientAddress,
      peer: ctx.peerAddress,
      method: ctx.req.method,
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
    });
  };
}
