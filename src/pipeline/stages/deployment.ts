import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';
import type { Deployment } from '../deployments.js';
import { hasBody, readBody } from '../../http/read-body.js';

export interface DeploymentStageOptions {
  /** By client-visible name, and by each model alias for /openai/v1 requests. */
  readonly deployments: ReadonlyMap<string, Deployment>;
  /** Where /openai/v1 requests that name no model go (model list, file reads); null: refused. */
  readonly v1Default: Deployment | null;
  readonly maxBodyBytes: number;
}

/**
 * Resolves the deployment the request addresses. Deployment routes carry it in the path;
 * /openai/v1 routes name it as `model` in the body, so for those the body is read here
 * (bounded), after identity, so that no unauthenticated body is ever buffered.
 */
export function createDeploymentStage(opts: DeploymentStageOptions): Stage {
  const { deployments, v1Default, maxBodyBytes } = opts;
  return {
    name: 'deployment',
    run(ctx: RequestContext): Verdict | Promise<Verdict> {
      if (ctx.routeKind === 'deployment') {
        const d = deployments.get(ctx.deploymentName!);
        if (d === undefined) return 'deployment_not_found';
        ctx.deployment = d;
        return CONTINUE;
      }
      if (!hasBody(ctx.req)) return useDefault(ctx, v1Default);
      return resolveV1Model(ctx, deployments, v1Default, maxBodyBytes);
    },
  };
}

function useDefault(ctx: RequestContext, v1Default: Deployment | null): Verdict {
  if (v1Default === null) return 'model_required';
  ctx.deployment = v1Default;
  ctx.deploymentName = v1Default.name;
  return CONTINUE;
}

async function resolveV1Model(
  ctx: RequestContext,
  deployments: ReadonlyMap<string, Deployment>,
  v1Default: Deployment | null,
  maxBodyBytes: number,
): Promise<Verdict> {
  const body = await readBody(ctx.req, maxBodyBytes);
  if (typeof body === 'string') return body;
  ctx.bytesIn = body.length;
  const type = ctx.req.headers['content-type'] ?? '';
  let model: unknown;
  let parsed: Record<string, unknown> | null = null;
  if (type.startsWith('multipart/form-data')) {
    // Audio and file uploads name the model as a form field; undici's multipart parser
    // reads it (the body is already bounded).
    try {
      model = (await new Response(body, { headers: { 'content-type': type } }).formData()).get('model');
    } catch {
      return 'bad_request';
    }
  } else {
    try {
      const json: unknown = JSON.parse(body.toString('utf8'));
      if (json === null || typeof json !== 'object' || Array.isArray(json)) return 'invalid_json';
      parsed = json as Record<string, unknown>;
      model = parsed.model;
    } catch {
      return 'invalid_json';
    }
  }
  if (model === undefined || model === null) {
    ctx.body = body;
    if (parsed !== null) ctx.json = parsed;
    return useDefault(ctx, v1Default);
  }
  if (typeof model !== 'string') return 'model_required';
  const d = deployments.get(model);
  if (d === undefined) return 'deployment_not_found';
  ctx.deployment = d;
  ctx.deploymentName = d.name;
  // The backend knows the deployment by its own name; rewrite only when it differs.
  if (parsed !== null && d.upstreamName !== model) {
    const rewritten = { ...parsed, model: d.upstreamName };
    ctx.body = Buffer.from(JSON.stringify(rewritten));
    ctx.json = rewritten;
  } else {
    ctx.body = body;
    if (parsed !== null) ctx.json = parsed;
  }
  return CONTINUE;
}
