import type { Stage, Verdict } from '../stage.js';
import { CONTINUE } from '../stage.js';
import type { RequestContext } from '../context.js';

/** Who may use which deployment: the identity's deployment list. */
export function createAccessStage(): Stage {
  return {
    name: 'access',
    run(ctx: RequestContext): Verdict {
      const allowed = ctx.identity?.deployments;
      if (allowed === undefined) return 'credential_missing';
      if (allowed !== null && !allowed.has(ctx.deployment!.name)) return 'deployment_forbidden';
      return CONTINUE;
    },
  };
}
