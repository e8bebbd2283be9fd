import { numericOperator } from './numeric.js';
import type { Operator } from './operator.js';

/**
 * @ge — true when the value, read as an integer, is greater than or equal to the argument. Both sides use
 * C `atoi()` semantics (non-numeric → 0). Example (CRS 949060):
 * `SecRule TX:BLOCKING_INBOUND_ANOMALY_SCORE "@ge %{tx.inbound_anomaly_score_threshold}"`.
 */
export function ge(argument: string): Operator {
  return numericOperator(argument, cmp);
}

function cmp(value: number, arg: number): boolean {
  return value >= arg;
}
