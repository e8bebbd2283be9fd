import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';
import { hasBody, readBody } from '../../http/read-body.js';
import type { Waf, WafOutcome } from '../../waf/waf.js';

export interface WafStageOptions {
  readonly waf: Waf;
  readonly maxBodyBytes: number;
  /** Add the anomaly score to the response, for tuning (only ever set in detection mode). */
  readonly scoreHeader: boolean;
}

export const WAF_SCORE_HEADER = 'x-portcullis-waf-score';

/**
 * Inspects the whole request (headers and bounded body) with the WAF. It runs after
 * identity and access, so no unauthenticated body is ever buffered or inspected, and
 * it reads the body once: what it inspected (or redacted) is exactly what is forwarded.
 */
export function createWafStage(opts: WafStageOptions): Stage {
  const { waf, maxBodyBytes, scoreHeader } = opts;
  const decide = (ctx: RequestContext): Verdict | Promise<Verdict> => {
    const r = waf.inspect({
      method: ctx.req.method ?? 'GET',
      target: ctx.target,
      httpVersion: ctx.req.httpVersion,
      rawHeaders: ctx.req.rawHeaders,
      remoteAddress: ctx.clientAddress,
      body: ctx.body,
      ...(ctx.json === undefined ? {} : { json: ctx.json }),
    }, ctx.id);
    return r instanceof Promise ? r.then((o) => apply(ctx, o, scoreHeader)) : apply(ctx, r, scoreHeader);
  };
  return {
    name: 'waf',
    run(ctx: RequestContext): Verdict | Promise<Verdict> {
      if (ctx.body !== null || !hasBody(ctx.req)) return decide(ctx);
      return readBody(ctx.req, maxBodyBytes).then((body) => {
        if (typeof body === 'string') return body;
        ctx.body = body;
        ctx.bytesIn = body.length;
        return decide(ctx);
      });
    },
  };
}

function apply(ctx: RequestContext, o: WafOutcome, scoreHeader: boolean): Verdict {
  ctx.waf = o;
  if (o.action === 'block') return 'waf_blocked';
  if (o.body !== null) ctx.body = o.body;
  if (scoreHeader) ctx.res.setHeader(WAF_SCORE_HEADER, String(o.score));
  return CONTINUE;
}
