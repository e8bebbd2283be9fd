import type { Stage } from './stage.js';
import { shadowed } from './run-stages.js';
import { createRequestShapeStage, type RequestShapeOptions } from './stages/request-shape.js';
import { createRouteStage } from './stages/route.js';
import { createIdentityStage, type IdentityStageOptions } from './stages/identity.js';
import { createDeploymentStage, type DeploymentStageOptions } from './stages/deployment.js';
import { createAccessStage } from './stages/access.js';
import { createBackendStage } from './stages/backend.js';
import { createWafStage, type WafStageOptions } from './stages/waf.js';

/**
 * The request's way through the data plane, in order. Network policy and TLS run before
 * any of this, on the connection (src/network); after the last stage the request is
 * proxied (proxy.ts) and recorded (audit). Read this list to know what runs before what.
 *
 *   request_shape  size and framing we refuse to guess about (414, 413, 415, repeated headers)
 *   route          Azure OpenAI data-plane paths only; api-version; path tricks → 404
 *   identity       API key or verified client certificate → 401
 *   deployment     which deployment (path, or body `model` on /openai/v1) → 404
 *   access         may this caller use this deployment → 403
 *   waf            CRS + LLM rules on headers and the bounded body → 403 waf_blocked
 *                  (after identity: no unauthenticated body is buffered or inspected)
 *   backend        a healthy backend of the deployment's pool → 503
 */
export const STAGE_ORDER = ['request_shape', 'route', 'identity', 'deployment', 'access', 'waf', 'backend'] as const;
export type StageName = (typeof STAGE_ORDER)[number];

export interface StageDeps {
  readonly shape: RequestShapeOptions;
  readonly identity: IdentityStageOptions;
  readonly deployment: DeploymentStageOptions;
  /** null: no `waf:` in the config, the stage is left out. */
  readonly waf: WafStageOptions | null;
  /** Stages whose denies are recorded, not enforced. */
  readonly shadow: ReadonlySet<StageName>;
}

export function buildStages(deps: StageDeps): readonly Stage[] {
  const factories: Record<StageName, () => Stage> = {
    request_shape: () => createRequestShapeStage(deps.shape),
    route: () => createRouteStage(),
    identity: () => createIdentityStage(deps.identity),
    deployment: () => createDeploymentStage(deps.deployment),
    access: () => createAccessStage(),
    waf: () => createWafStage(deps.waf!),
    backend: () => createBackendStage(),
  };
  return Object.freeze(
    STAGE_ORDER.filter((name) => name !== 'waf' || deps.waf !== null).map((name) => {
      const stage = factories[name]();
      return deps.shadow.has(name) ? shadowed(stage) : stage;
    }),
  );
}
