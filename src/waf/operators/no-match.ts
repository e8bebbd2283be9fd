import type { Operator } from './operator.js';

const NEVER: Operator = Object.freeze({ evaluate: (): boolean => false });

/** @noMatch — always false (disables a rule without removing it). */
export function noMatch(): Operator {
  return NEVER;
}
