import { detectSqli as detect } from '../libinjection/sqli.js';
import type { Operator, OperatorContext } from './operator.js';
import { setCaptures } from './operator.js';

/**
 * @detectSQLi — true when libinjection-style analysis (../libinjection/sqli.ts) finds SQL
 * injection in the value. Takes no argument. With the `capture` action the fingerprint is
 * written to TX:0, as ModSecurity does (CRS logs it as `%{TX.0}`).
 *
 * There is no maintained Node library for libinjection; the implementation is our own.
 *
 * Example: `SecRule ARGS "@detectSQLi" "id:942100,phase:2,t:none,t:urlDecodeUni,capture,block,msg:'SQLi (%{TX.0})'"`.
 */
export function detectSqli(): Operator {
  return {
    evaluate(tx: OperatorContext, value: string): boolean {
      const r = detect(value);
      if (r.injection) setCaptures(tx, [r.fingerprint]);
      return r.injection;
    },
  };
}
