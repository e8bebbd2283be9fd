import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';

/** Picks a healthy backend of the deployment's pool. */
export function createBackendStage(): Stage {
  return {
    name: 'backend',
    run(ctx: RequestContext): Verdict {
      const backend = ctx.deployment!.pool.pick();
      if (backend === null) return 'no_healthy_backend';
      ctx.backend = backend;
      return CONTINUE;
    },
  };
}
