import type { Reason } from '../errors/reasons.js';
import type { RequestContext } from './context.js';

/** The request goes on to the next stage. */
export const CONTINUE = null;

/**
 * What a stage decides: go on, or stop the request with a reason (the reason table
 * gives the status). Two outcomes only; a stage never calls the next one.
 */
export type Verdict = typeof CONTINUE | Reason;

export interface Stage {
  /** Stable name, used in timings, shadow-mode config and tests. */
  readonly name: string;
  /** Synchronous unless the stage must wait (body read, token fetch). */
  run(ctx: RequestContext): Verdict | Promise<Verdict>;
}
