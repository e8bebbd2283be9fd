import type { Reason } from '../errors/reasons.js';
import type { RequestContext } from './context.js';
import { CONTINUE, type Stage, type Verdict } from './stage.js';

/**
 * Runs the stages in order with one indexed loop. Stays synchronous while the stages
 * are (the common case: no promise, no microtask); switches to async at the first
 * stage that returns a promise and resumes the loop after it.
 */
export function runStages(stages: readonly Stage[], ctx: RequestContext, from = 0): Verdict | Promise<Verdict> {
  for (let i = from; i < stages.length; i++) {
    const v = stages[i]!.run(ctx);
    if (v === CONTINUE) continue;
    if (typeof v === 'string') return v;
    return v.then((r) => (r === CONTINUE ? runStages(stages, ctx, i + 1) : r));
  }
  return CONTINUE;
}

/**
 * Shadow mode: the stage runs and its deny is recorded on the context (and so in the
 * access log) but not enforced. Wrapped once at load, so enforcing stages pay nothing.
 */
export function shadowed(stage: Stage): Stage {
  const record = (ctx: RequestContext, v: Verdict): Verdict => {
    if (v !== CONTINUE) (ctx.shadowReasons ??= []).push(v as Reason);
    return CONTINUE;
  };
  return {
    name: stage.name,
    run(ctx) {
      const v = stage.run(ctx);
      return typeof v === 'object' && v !== null ? v.then((r) => record(ctx, r)) : record(ctx, v);
    },
  };
}
