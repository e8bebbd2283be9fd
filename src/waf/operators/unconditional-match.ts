import type { Operator } from './operator.js';

const ALWAYS: Operator = Object.freeze({ evaluate: (): boolean => true });

/** @unconditionalMatch — always true. Example: `SecRule REMOTE_ADDR "@unconditionalMatch" "id:1,pass,log"`. */
export function unconditionalMatch(): Operator {
  return ALWAYS;
}
